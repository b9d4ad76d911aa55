#pragma once
// The Profile a ballots log makes (internal to ledger/).
#include "veche/ledger/record_files.hpp"

namespace veche {

// The distinct lines of a ballots log, each with how often and where first it occurs: real
// elections repeat ballots heavily, so each distinct line is read once. A line is found again
// by a 64-bit key the caller gives (verify gives the first bytes of the leaf hash it computes
// anyway) and then compared byte for byte, so a key that collides costs time, never a wrong
// count. One flat table, no allocation a line: a 10-million-line log may hold millions of
// distinct ballots.
//
// Such a table is far larger than the processor's caches, and looking a line up is then a
// wait on memory. So add() asks for the line's slot ahead (a prefetch) and places the line
// one call later, while the caller hashes the next line; each slot keeps the top of its
// line's key, so a slot of another line is passed over without reading its entry.
class DistinctLines {
 public:
  // Room for `lines` lines, reserved (the table is not touched until used).
  void expect(std::uint64_t lines);
  void add(std::uint64_t number, std::string_view line, std::uint64_t key);
  // The lines as a Profile under the manifest's rules. Throws InputError naming the first
  // line that is not a canonical ballot of this manifest.
  Profile profile(const Manifest& manifest, const std::string& file, std::uint64_t& bad_line,
                  std::string& why);

 private:
  struct Entry {
    std::string_view line;
    std::uint64_t key;
    Weight weight;
    std::uint64_t first;  // line number
  };
  void place(const Entry& line);
  void settle();
  void grow();
  std::vector<Entry> entries_;
  // Top 32 bits of the key, then entry number + 1 in the low 32 bits; 0: empty.
  std::vector<std::uint64_t> slots_;
  std::optional<Entry> pending_;  // added, not yet placed
};

// The first `size` lines of a ballots log as a Profile. Throws InputError naming the
// first line that is not a canonical ballot of this manifest.
Profile profile_of_lines(std::string_view complete, std::uint64_t size, const Manifest& manifest,
                         const std::string& file, std::uint64_t& bad_line, std::string& why);

// Whether `rule` (skipped_rank, repeated or unknown_name) sets a ballot aside under the
// manifest: a set-aside line may name only such rules.
bool rule_rejects(const Manifest& manifest, std::string_view rule);

// The outcome document (outcome.json) without its signature, and the bytes signed.
// `count` is manifest.json's "count": the options the outcome was counted with, signed with it.
nlohmann::ordered_json outcome_document(const Outcome& outcome, const Manifest& manifest,
                                        const std::string& manifest_sha256,
                                        const std::vector<HeadLine>& final_heads);
std::string outcome_signed_bytes(const nlohmann::json& document);

}  // namespace veche
