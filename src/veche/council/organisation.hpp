#pragma once
// The organisation as its register shows it: parties, councils in a tree (local →
// district → regional → congress) and members, each belonging to one local council.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "veche/council/member_roll.hpp"

namespace veche {

using CouncilId = std::uint32_t;
// A listed member's index, or kRollMember plus the index among all rolls' members.
using MemberId = std::uint64_t;
using PartyId = std::uint32_t;

// Lower levels elect delegates to higher ones; a council's parent is always higher.
enum class CouncilLevel { local, district, regional, congress };
std::string_view to_string(CouncilLevel level);
std::optional<CouncilLevel> parse_council_level(std::string_view text);

struct Party {
  std::string name;
};

struct Council {
  std::string name;
  CouncilLevel level = CouncilLevel::local;
  std::optional<CouncilId> parent;  // none: the top of the tree (the congress)
  // The register's entry: the member count the council's secretary attested, and the
  // electorate (members entitled to vote) when it differs. A local council without listed
  // members is counted by its attestation alone (a federation generated from counts).
  std::optional<std::uint64_t> attested_members;
  std::optional<std::uint64_t> electorate;
};

struct Member {
  std::string name;
  CouncilId constituency = 0;  // a local council
  std::optional<PartyId> party;
};

// Why an organisation is not a valid tree. One kind a rule, so tests and the scenario
// reader can tell them apart.
enum class OrganisationProblem {
  duplicate_name,        // two councils, members or parties with one name
  unknown_parent,        // a parent id that is no council
  cycle,                 // a council that is its own ancestor
  parent_not_higher,     // a parent at the same or a lower level than its child
  unknown_council,       // a member's constituency that is no council
  member_not_local,      // a member whose constituency is not a local council
  unknown_party,         // a member's party that is no party
  attestation_mismatch,  // a council's listed members differ from its attested count
};
std::string_view to_string(OrganisationProblem problem);

class OrganisationError : public std::runtime_error {
 public:
  OrganisationError(OrganisationProblem problem, std::string subject, const std::string& why);
  OrganisationProblem problem() const { return problem_; }
  const std::string& subject() const { return subject_; }  // the council, member or party named

 private:
  OrganisationProblem problem_;
  std::string subject_;
};

class Organisation {
 public:
  std::string name;

  PartyId add_party(std::string party_name);
  // The parent by name; OrganisationError (unknown_parent) when there is none yet.
  CouncilId add_council(std::string council_name, CouncilLevel level,
                        std::optional<std::string_view> parent = std::nullopt);
  CouncilId add_council(Council council);  // as given; validate() checks it
  MemberId add_member(std::string member_name, CouncilId constituency,
                      std::optional<PartyId> party = std::nullopt);
  // Makes up a local council's members from its attested count (council/member_roll.hpp).
  // UsageError for a council that is not local, attests no count or already has a roll, or
  // for a pattern whose names could be another roll's; validate() refuses a council that
  // also lists members.
  void add_roll(CouncilId council, MemberRoll roll);

  const std::vector<Party>& parties() const { return parties_; }
  const std::vector<Council>& councils() const { return councils_; }
  const std::vector<Member>& members() const { return members_; }  // the listed ones
  const std::vector<CouncilRoll>& rolls() const { return rolls_; }
  const CouncilRoll* roll_of(CouncilId council) const;  // nullptr: its members are listed
  // Any member, listed or on a roll (a roll member's name and party made up as asked).
  Member member(MemberId id) const;
  CouncilId constituency_of(MemberId id) const;
  Council& council(CouncilId id) { return councils_.at(id); }
  const Council& council(CouncilId id) const { return councils_.at(id); }

  std::optional<CouncilId> find_council(std::string_view council_name) const;
  std::optional<MemberId> find_member(std::string_view member_name) const;  // listed or on a roll
  std::optional<PartyId> find_party(std::string_view party_name) const;

  // The councils directly below `parent`, in register order.
  std::vector<CouncilId> children(CouncilId parent) const;
  bool is_within(CouncilId council, CouncilId ancestor) const;  // true for council itself

  // Throws OrganisationError for the first rule broken, in the order of the enum.
  void validate() const;

 private:
  std::vector<Party> parties_;
  std::vector<Council> councils_;
  std::vector<Member> members_;
  std::unordered_map<std::string, CouncilId> council_index_;
  std::unordered_map<std::string, MemberId> member_index_;
  std::unordered_map<std::string, PartyId> party_index_;
  std::vector<CouncilRoll> rolls_;
  // A roll by its name's text before and after the number (joined by a NUL).
  std::unordered_map<std::string, std::size_t> roll_index_;
  std::unordered_map<CouncilId, std::size_t> council_roll_;
  const CouncilRoll& roll_holding(MemberId id) const;
  std::optional<MemberId> find_roll_member(std::string_view member_name) const;
  std::vector<std::string> duplicates_;  // names added twice, reported by validate()
};

// The register's figures for every council, indexed by CouncilId: a local council's
// members (listed, or attested when none are listed) and electorate; a higher council's
// are the sums of those below it. Needs a valid organisation.
struct RegisterCounts {
  std::vector<std::uint64_t> members;
  std::vector<std::uint64_t> electorate;
};
RegisterCounts register_counts(const Organisation& organisation);

}  // namespace veche
