// The register: a tree of councils, members in local councils, figures that add up.
#include <gtest/gtest.h>

#include "unit/council/federation.hpp"

namespace veche {
namespace {

OrganisationProblem problem_of(const Organisation& o) {
  try {
    o.validate();
  } catch (const OrganisationError& e) {
    return e.problem();
  }
  ADD_FAILURE() << "the organisation validated";
  return OrganisationProblem::duplicate_name;
}

TEST(Organisation, SmallFederationIsValid) {
  Organisation o = testing::small_federation();
  EXPECT_NO_THROW(o.validate());
  EXPECT_EQ(o.children(*o.find_council("North")), (std::vector<CouncilId>{3, 4}));
  EXPECT_TRUE(o.is_within(*o.find_council("A"), *o.find_council("Congress")));
  EXPECT_FALSE(o.is_within(*o.find_council("A"), *o.find_council("South")));
  EXPECT_EQ(o.members()[*o.find_member("A2")].party, o.find_party("Greens"));
}

TEST(Organisation, RegisterCountsClimbTheTree) {
  Organisation o = testing::small_federation();
  o.council(*o.find_council("C")).electorate = 3;  // one member not entitled to vote
  RegisterCounts counts = register_counts(o);
  EXPECT_EQ(counts.members[*o.find_council("A")], 3u);
  EXPECT_EQ(counts.members[*o.find_council("North")], 5u);
  EXPECT_EQ(counts.members[*o.find_council("Congress")], 9u);
  EXPECT_EQ(counts.electorate[*o.find_council("South")], 3u);
  EXPECT_EQ(counts.electorate[*o.find_council("Congress")], 8u);
}

TEST(Organisation, AttestedCountStandsInForListedMembers) {
  Organisation o = testing::attested_federation({100, 250});
  EXPECT_NO_THROW(o.validate());
  EXPECT_EQ(register_counts(o).members[0], 350u);
}

TEST(Organisation, UnknownParentByNameIsRefusedAtOnce) {
  Organisation o;
  o.add_council("Congress", CouncilLevel::congress);
  try {
    o.add_council("A", CouncilLevel::local, "Nowhere");
    FAIL() << "accepted a council under no council";
  } catch (const OrganisationError& e) {
    EXPECT_EQ(e.problem(), OrganisationProblem::unknown_parent);
    EXPECT_EQ(e.subject(), "A");
    EXPECT_NE(std::string(e.what()).find("Nowhere"), std::string::npos);
  }
}

TEST(Organisation, UnknownParentById) {
  Organisation o;
  o.add_council({"A", CouncilLevel::local, CouncilId{7}, std::nullopt, std::nullopt});
  EXPECT_EQ(problem_of(o), OrganisationProblem::unknown_parent);
}

TEST(Organisation, CycleIsNamed) {
  Organisation o;
  o.add_council({"X", CouncilLevel::district, CouncilId{1}, std::nullopt, std::nullopt});
  o.add_council({"Y", CouncilLevel::regional, CouncilId{0}, std::nullopt, std::nullopt});
  EXPECT_EQ(problem_of(o), OrganisationProblem::cycle);
  Organisation self;
  self.add_council({"Z", CouncilLevel::district, CouncilId{0}, std::nullopt, std::nullopt});
  EXPECT_EQ(problem_of(self), OrganisationProblem::cycle);
}

TEST(Organisation, ParentMustBeHigher) {
  Organisation o;
  o.add_council("North", CouncilLevel::district);
  o.add_council("Shadow", CouncilLevel::district, "North");
  EXPECT_EQ(problem_of(o), OrganisationProblem::parent_not_higher);
}

TEST(Organisation, MemberOfNonLocalCouncilIsRefused) {
  Organisation o = testing::small_federation();
  o.add_member("Stray", *o.find_council("North"));
  EXPECT_EQ(problem_of(o), OrganisationProblem::member_not_local);
}

TEST(Organisation, MemberOfUnknownCouncilOrParty) {
  Organisation o = testing::small_federation();
  o.add_member("Ghost", CouncilId{99});
  EXPECT_EQ(problem_of(o), OrganisationProblem::unknown_council);
  Organisation p = testing::small_federation();
  p.add_member("Maverick", *p.find_council("A"), PartyId{9});
  EXPECT_EQ(problem_of(p), OrganisationProblem::unknown_party);
}

TEST(Organisation, DuplicateNames) {
  Organisation o = testing::small_federation();
  o.add_member("A1", *o.find_council("B"));
  EXPECT_EQ(problem_of(o), OrganisationProblem::duplicate_name);
}

TEST(Organisation, AttestationMustMatchTheList) {
  Organisation o = testing::small_federation();
  o.council(*o.find_council("A")).attested_members = 30;
  EXPECT_EQ(problem_of(o), OrganisationProblem::attestation_mismatch);
  o.council(*o.find_council("A")).attested_members = 3;
  EXPECT_NO_THROW(o.validate());
}

TEST(Organisation, LevelNamesRoundTrip) {
  for (auto level : {CouncilLevel::local, CouncilLevel::district, CouncilLevel::regional,
                     CouncilLevel::congress}) {
    EXPECT_EQ(parse_council_level(to_string(level)), level);
  }
  EXPECT_FALSE(parse_council_level("parish"));
}

}  // namespace
}  // namespace veche
