#include "cli/names.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "veche/core/error.hpp"

namespace veche::cli {

std::vector<CandidateId> ids_of(const std::vector<std::string>& wanted,
                                const std::vector<std::string>& names, const std::string& flag) {
  std::vector<CandidateId> ids;
  for (const std::string& name : wanted) {
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      throw UsageError(fmt::format("{}: \"{}\" is not in the file; it has: \"{}\"", flag, name,
                                   fmt::join(names, "\", \"")));
    }
    ids.push_back(static_cast<CandidateId>(it - names.begin()));
  }
  return ids;
}

}  // namespace veche::cli
