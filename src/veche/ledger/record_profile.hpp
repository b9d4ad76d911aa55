#pragma once
// The Profile a ballots log makes (internal to ledger/).
#include "veche/ledger/record_files.hpp"

namespace veche {

// The first `size` lines of a ballots log as a Profile. Throws InputError naming the
// first line that is not a canonical ballot of this manifest.
Profile profile_of_lines(std::string_view complete, std::uint64_t size, const Manifest& manifest,
                         const std::string& file, std::uint64_t& bad_line, std::string& why);

// The outcome document (outcome.json) without its signature, and the bytes signed.
nlohmann::ordered_json outcome_document(const Outcome& outcome, const std::string& manifest_sha256,
                                        const std::vector<HeadLine>& final_heads);
std::string outcome_signed_bytes(const nlohmann::json& document);

}  // namespace veche
