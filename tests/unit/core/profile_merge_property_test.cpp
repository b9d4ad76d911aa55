// The builder's grouping against the plainest one there is: a map from a ballot's marks to
// its weight, each ballot kept in the order it first came.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <vector>

#include "veche/core/profile.hpp"

namespace veche {
namespace {

struct Cast {
  std::vector<CandidateId> ranking;
  Weight weight;
};

// A pool of rankings drawn from, so most ballots repeat one; lengths from none to all
// candidates (past 255 marks);
// weights past 2^32, so both words of a ballot's weight are used.
rc::Gen<std::vector<Cast>> casts(std::size_t candidates) {
  auto ranking = rc::gen::exec([candidates] {
    const auto length =
        *rc::gen::oneOf(rc::gen::inRange<std::size_t>(0, std::min<std::size_t>(candidates, 12) + 1),
                        rc::gen::just(candidates));
    std::vector<CandidateId> order(candidates);
    for (std::size_t c = 0; c < candidates; ++c) order[c] = static_cast<CandidateId>(c);
    std::mt19937 shuffle(*rc::gen::arbitrary<std::uint32_t>());
    std::shuffle(order.begin(), order.end(), shuffle);
    order.resize(length);
    return order;
  });
  return rc::gen::exec([ranking] {
    // A pool past a thousand rankings makes the table grow while repeats keep coming.
    const auto distinct = *rc::gen::oneOf(rc::gen::inRange<std::size_t>(1, 40),
                                          rc::gen::inRange<std::size_t>(1000, 2500));
    const auto pool = *rc::gen::container<std::vector<std::vector<CandidateId>>>(distinct, ranking);
    const auto count = *rc::gen::inRange<std::size_t>(0, 6000);
    std::vector<Cast> out;
    for (std::size_t i = 0; i < count; ++i) {
      const auto pick = *rc::gen::inRange<std::size_t>(0, pool.size());
      const auto weight =
          *rc::gen::oneOf(rc::gen::inRange<Weight>(0, 4),
                          rc::gen::inRange<Weight>(Weight{1} << 32, Weight{1} << 40));
      out.push_back({pool[pick], weight});
    }
    return out;
  });
}

RC_GTEST_PROP(ProfileBuilder, GroupsAsAMapWould, ()) {
  const auto candidates = *rc::gen::element<std::size_t>(5, 40, 300);
  const std::vector<Cast> all = *casts(candidates);
  std::vector<std::string> names(candidates, "c");
  ProfileBuilder builder(names);
  std::map<std::vector<Mark>, Weight> expected;
  std::vector<std::vector<Mark>> first_seen;
  Weight total = 0;
  for (const Cast& cast : all) {
    builder.add_strict(cast.ranking, cast.weight);
    if (cast.weight == 0) continue;
    std::vector<Mark> marks(cast.ranking.begin(), cast.ranking.end());
    if (expected.find(marks) == expected.end()) first_seen.push_back(marks);
    expected[marks] += cast.weight;
    total += cast.weight;
  }
  const Profile profile = std::move(builder).finish();
  RC_ASSERT(profile.size() == first_seen.size());
  RC_ASSERT(profile.total_weight() == total);
  for (std::size_t i = 0; i < profile.size(); ++i) {
    const std::vector<Mark> marks(profile.ballot(i).begin(), profile.ballot(i).end());
    RC_ASSERT(marks == first_seen[i]);
    RC_ASSERT(profile.weight(i) == expected[marks]);
  }
}

}  // namespace
}  // namespace veche
