#include <algorithm>

#include "veche/count/pairwise.hpp"

namespace veche {

// The Smith set is the top class of "beats or ties": the candidates who reach every other
// candidate by a chain of pairwise wins or ties. Floyd–Warshall's closure over the
// candidates in the running, cubic in their number (a few dozen at most in practice).
std::vector<CandidateId> smith_set(const Pairwise& pairs, const std::vector<bool>& among) {
  std::vector<CandidateId> in;
  for (CandidateId c = 0; c < among.size(); ++c) {
    if (among[c]) in.push_back(c);
  }
  const std::size_t m = in.size();
  std::vector<char> reaches(m * m, 0);
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j < m; ++j) {
      reaches[i * m + j] = i == j || pairs(in[i], in[j]) >= pairs(in[j], in[i]);
    }
  }
  for (std::size_t k = 0; k < m; ++k) {
    for (std::size_t i = 0; i < m; ++i) {
      if (!reaches[i * m + k]) continue;
      for (std::size_t j = 0; j < m; ++j) reaches[i * m + j] |= reaches[k * m + j];
    }
  }
  std::vector<CandidateId> smith;
  for (std::size_t i = 0; i < m; ++i) {
    bool reaches_all = std::all_of(reaches.begin() + static_cast<long>(i * m),
                                   reaches.begin() + static_cast<long>((i + 1) * m),
                                   [](char r) { return r != 0; });
    if (reaches_all) smith.push_back(in[i]);
  }
  return smith;
}

}  // namespace veche
