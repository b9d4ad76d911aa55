#pragma once
// Small federations for the council tests.
#include <string>
#include <vector>

#include "veche/council/organisation.hpp"

namespace veche::testing {

// A congress over two districts; district North has branches A (3 members) and B (2),
// district South has branch C (4). Members are "A1".."A3", "B1", "B2", "C1".."C4".
inline Organisation small_federation() {
  Organisation o;
  o.name = "Federation";
  PartyId reds = o.add_party("Reds");
  PartyId greens = o.add_party("Greens");
  o.add_council("Congress", CouncilLevel::congress);
  o.add_council("North", CouncilLevel::district, "Congress");
  o.add_council("South", CouncilLevel::district, "Congress");
  struct Branch {
    std::string name, district;
    int members;
  };
  for (const Branch& b :
       std::vector<Branch>{{"A", "North", 3}, {"B", "North", 2}, {"C", "South", 4}}) {
    CouncilId id = o.add_council(b.name, CouncilLevel::local, b.district);
    for (int i = 1; i <= b.members; ++i)
      o.add_member(b.name + std::to_string(i), id, i % 2 ? reds : greens);
  }
  return o;
}

// A congress with local councils attested at the given sizes, named L0, L1, ...
inline Organisation attested_federation(const std::vector<std::uint64_t>& sizes) {
  Organisation o;
  o.name = "Federation";
  o.add_council("Congress", CouncilLevel::congress);
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    CouncilId id = o.add_council("L" + std::to_string(i), CouncilLevel::local, "Congress");
    o.council(id).attested_members = sizes[i];
  }
  return o;
}

}  // namespace veche::testing
