#pragma once
// The candidates of a record found by name (internal to ledger/).
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "veche/core/candidate.hpp"

namespace veche {

// Names to their candidate ids, one probe of a small open-addressed table: a bulk cast looks
// up every name of millions of ballots, and verify every name of millions of distinct lines,
// where a scan of the list compares a name against each candidate in turn. The table holds
// ids only, so a copy stays valid.
class NameIndex {
 public:
  NameIndex() = default;
  explicit NameIndex(const std::vector<std::string>& names) {
    std::size_t size = 16;
    while (size < 2 * names.size()) size *= 2;
    slots_.assign(size, kEmpty);
    for (std::size_t id = 0; id < names.size(); ++id) {
      std::size_t at = place(names[id]);
      while (slots_[at] != kEmpty) at = (at + 1) & (slots_.size() - 1);
      slots_[at] = static_cast<CandidateId>(id);
    }
  }
  // The id of `name` among `names`, the list the index was built from.
  std::optional<CandidateId> find(std::string_view name,
                                  const std::vector<std::string>& names) const {
    if (slots_.empty()) return std::nullopt;
    for (std::size_t at = place(name);; at = (at + 1) & (slots_.size() - 1)) {
      if (slots_[at] == kEmpty) return std::nullopt;
      if (names[slots_[at]] == name) return slots_[at];
    }
  }

 private:
  static constexpr CandidateId kEmpty = static_cast<CandidateId>(-1);
  std::size_t place(std::string_view name) const {
    return std::hash<std::string_view>{}(name) & (slots_.size() - 1);
  }
  std::vector<CandidateId> slots_;
};

}  // namespace veche
