#include "veche/council/organisation.hpp"

#include <fmt/format.h>

#include <array>

namespace veche {

namespace {

constexpr std::array<std::string_view, 4> kLevelNames = {"local", "district", "regional",
                                                         "congress"};

template <class Id>
Id next_id(std::size_t size) {
  return static_cast<Id>(size);
}

// Remembers `name` under `id`, or notes it as a duplicate for validate() to report.
template <class Id>
void index_name(std::unordered_map<std::string, Id>& index, const std::string& name, Id id,
                std::vector<std::string>& duplicates) {
  if (!index.emplace(name, id).second) duplicates.push_back(name);
}

template <class Id>
std::optional<Id> look_up(const std::unordered_map<std::string, Id>& index, std::string_view name) {
  auto it = index.find(std::string(name));
  if (it == index.end()) return std::nullopt;
  return it->second;
}

void check_parent_exists(const Organisation& o, CouncilId id) {
  const Council& c = o.council(id);
  if (c.parent && *c.parent >= o.councils().size()) {
    throw OrganisationError(
        OrganisationProblem::unknown_parent, c.name,
        fmt::format("council {} has parent #{}, which is no council", c.name, *c.parent));
  }
}

void check_parent_level(const Organisation& o, CouncilId id) {
  const Council& c = o.council(id);
  if (!c.parent) return;
  const Council& parent = o.council(*c.parent);
  if (parent.level <= c.level) {
    throw OrganisationError(
        OrganisationProblem::parent_not_higher, c.name,
        fmt::format("council {} ({}) sends delegates to {} ({}), which is not a higher level",
                    c.name, to_string(c.level), parent.name, to_string(parent.level)));
  }
}

// Walking up from each council must reach the top within as many steps as there are
// councils; a longer walk has gone round a cycle. Checked before levels, which also forbid
// cycles, so that a register that loops is told so in those words.
void check_acyclic(const Organisation& o, CouncilId id) {
  std::optional<CouncilId> at = o.council(id).parent;
  for (std::size_t steps = 0; at; ++steps) {
    if (*at == id || steps > o.councils().size()) {
      throw OrganisationError(OrganisationProblem::cycle, o.council(id).name,
                              fmt::format("council {} is its own ancestor", o.council(id).name));
    }
    at = o.council(*at).parent;
  }
}

void check_member(const Organisation& o, const Member& m) {
  if (m.constituency >= o.councils().size()) {
    throw OrganisationError(OrganisationProblem::unknown_council, m.name,
                            fmt::format("member {} belongs to council #{}, which is no council",
                                        m.name, m.constituency));
  }
  const Council& c = o.council(m.constituency);
  if (c.level != CouncilLevel::local) {
    throw OrganisationError(
        OrganisationProblem::member_not_local, m.name,
        fmt::format("member {} belongs to {}, a {} council; members belong to a local council",
                    m.name, c.name, to_string(c.level)));
  }
  if (m.party && *m.party >= o.parties().size()) {
    throw OrganisationError(
        OrganisationProblem::unknown_party, m.name,
        fmt::format("member {} belongs to party #{}, which is no party", m.name, *m.party));
  }
}

std::vector<std::uint64_t> listed_members(const Organisation& o) {
  std::vector<std::uint64_t> listed(o.councils().size(), 0);
  for (const Member& m : o.members()) ++listed[m.constituency];
  return listed;
}

void check_attestations(const Organisation& o) {
  std::vector<std::uint64_t> listed = listed_members(o);
  for (const CouncilRoll& roll : o.rolls()) {
    if (listed[roll.council] > 0) {
      const std::string& name = o.council(roll.council).name;
      throw OrganisationError(OrganisationProblem::attestation_mismatch, name,
                              fmt::format("council {} makes its members up from its attested "
                                          "count and lists {} besides",
                                          name, listed[roll.council]));
    }
  }
  for (CouncilId id = 0; id < o.councils().size(); ++id) {
    const Council& c = o.council(id);
    if (listed[id] > 0 && c.attested_members && *c.attested_members != listed[id]) {
      throw OrganisationError(OrganisationProblem::attestation_mismatch, c.name,
                              fmt::format("council {} attests {} members but the register lists {}",
                                          c.name, *c.attested_members, listed[id]));
    }
  }
}

}  // namespace

std::string_view to_string(CouncilLevel level) {
  return kLevelNames[static_cast<std::size_t>(level)];
}

std::optional<CouncilLevel> parse_council_level(std::string_view text) {
  for (std::size_t i = 0; i < kLevelNames.size(); ++i) {
    if (kLevelNames[i] == text) return static_cast<CouncilLevel>(i);
  }
  return std::nullopt;
}

std::string_view to_string(OrganisationProblem problem) {
  switch (problem) {
    case OrganisationProblem::duplicate_name:
      return "duplicate name";
    case OrganisationProblem::unknown_parent:
      return "unknown parent";
    case OrganisationProblem::parent_not_higher:
      return "parent not higher";
    case OrganisationProblem::cycle:
      return "cycle";
    case OrganisationProblem::unknown_council:
      return "unknown council";
    case OrganisationProblem::member_not_local:
      return "member not in a local council";
    case OrganisationProblem::unknown_party:
      return "unknown party";
    case OrganisationProblem::attestation_mismatch:
      return "attestation mismatch";
  }
  return "?";
}

OrganisationError::OrganisationError(OrganisationProblem problem, std::string subject,
                                     const std::string& why)
    : std::runtime_error(why), problem_(problem), subject_(std::move(subject)) {}

PartyId Organisation::add_party(std::string party_name) {
  PartyId id = next_id<PartyId>(parties_.size());
  index_name(party_index_, party_name, id, duplicates_);
  parties_.push_back({std::move(party_name)});
  return id;
}

CouncilId Organisation::add_council(std::string council_name, CouncilLevel level,
                                    std::optional<std::string_view> parent) {
  Council c{std::move(council_name), level, std::nullopt, std::nullopt, std::nullopt};
  if (parent) {
    c.parent = find_council(*parent);
    if (!c.parent) {
      throw OrganisationError(
          OrganisationProblem::unknown_parent, c.name,
          fmt::format("council {} names {} as its parent, but there is no such council", c.name,
                      *parent));
    }
  }
  return add_council(std::move(c));
}

CouncilId Organisation::add_council(Council council) {
  CouncilId id = next_id<CouncilId>(councils_.size());
  index_name(council_index_, council.name, id, duplicates_);
  councils_.push_back(std::move(council));
  return id;
}

MemberId Organisation::add_member(std::string member_name, CouncilId constituency,
                                  std::optional<PartyId> party) {
  MemberId id = next_id<MemberId>(members_.size());
  index_name(member_index_, member_name, id, duplicates_);
  members_.push_back({std::move(member_name), constituency, party});
  return id;
}

std::optional<CouncilId> Organisation::find_council(std::string_view n) const {
  return look_up(council_index_, n);
}
std::optional<MemberId> Organisation::find_member(std::string_view n) const {
  if (auto listed = look_up(member_index_, n)) return listed;
  return find_roll_member(n);
}
std::optional<PartyId> Organisation::find_party(std::string_view n) const {
  return look_up(party_index_, n);
}

std::vector<CouncilId> Organisation::children(CouncilId parent) const {
  std::vector<CouncilId> out;
  for (CouncilId id = 0; id < councils_.size(); ++id) {
    if (councils_[id].parent == parent) out.push_back(id);
  }
  return out;
}

bool Organisation::is_within(CouncilId council_id, CouncilId ancestor) const {
  for (std::optional<CouncilId> at = council_id; at; at = councils_.at(*at).parent) {
    if (*at == ancestor) return true;
  }
  return false;
}

void Organisation::validate() const {
  if (!duplicates_.empty()) {
    throw OrganisationError(OrganisationProblem::duplicate_name, duplicates_.front(),
                            fmt::format("the name {} is given twice", duplicates_.front()));
  }
  for (const Member& m : members_) {
    if (auto on_roll = find_roll_member(m.name)) {
      throw OrganisationError(OrganisationProblem::duplicate_name, m.name,
                              fmt::format("the name {} is listed and is also made up for {}",
                                          m.name, councils_.at(constituency_of(*on_roll)).name));
    }
  }
  for (CouncilId id = 0; id < councils_.size(); ++id) check_parent_exists(*this, id);
  for (CouncilId id = 0; id < councils_.size(); ++id) check_acyclic(*this, id);
  for (CouncilId id = 0; id < councils_.size(); ++id) check_parent_level(*this, id);
  for (const Member& m : members_) check_member(*this, m);
  check_attestations(*this);
}

RegisterCounts register_counts(const Organisation& o) {
  RegisterCounts counts;
  counts.members = listed_members(o);
  counts.electorate.assign(o.councils().size(), 0);
  for (CouncilId id = 0; id < o.councils().size(); ++id) {
    const Council& c = o.council(id);
    if (c.level != CouncilLevel::local) continue;
    if (counts.members[id] == 0 && c.attested_members) counts.members[id] = *c.attested_members;
    counts.electorate[id] = c.electorate.value_or(counts.members[id]);
  }
  // Each local council's figures climb to every council above it; a valid tree is no
  // deeper than its four levels, so this is linear in the register.
  for (CouncilId id = 0; id < o.councils().size(); ++id) {
    if (o.council(id).level != CouncilLevel::local) continue;
    for (std::optional<CouncilId> up = o.council(id).parent; up; up = o.council(*up).parent) {
      counts.members[*up] += counts.members[id];
      counts.electorate[*up] += counts.electorate[id];
    }
  }
  return counts;
}

}  // namespace veche
