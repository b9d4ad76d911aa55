#pragma once
#include <span>
#include <string>
#include <string_view>

#include "veche/core/ballot_rules.hpp"
#include "veche/core/party_votes.hpp"
#include "veche/core/profile.hpp"

namespace veche {

// Reads a ballot file in any format veche knows. `format` empty: from the extension,
// else from the content. Throws InputError (file, line, field, why) on a malformed file,
// UsageError for a `format` veche does not know.
Profile read_ballots(const std::string& path, std::string_view format, const BallotRules& rules);

// The same, with the candidate list given by the returning officer. Only a CSV with one
// column per rank uses it (its names are then checked against the list, and a name not on
// it is handled by rules.unknown_name); the other formats name their candidates themselves.
Profile read_ballots(const std::string& path, std::string_view format, const BallotRules& rules,
                     std::span<const std::string> candidates);

// Reads a party-votes CSV: a header row, then `name,whole number` rows.
PartyVotes read_party_votes(const std::string& path);
// The same from text already in memory; `path` names it in errors.
PartyVotes parse_party_votes(std::string_view text, const std::string& path);

// The names `--input-format` accepts.
std::span<const std::string_view> ballot_formats();

// The format of a file, from its name (extension) or else its first bytes; one of
// ballot_formats(). Throws InputError when neither tells.
std::string_view detect_format(const std::string& path, std::string_view text);

// The parsers behind read_ballots, on text already in memory (tests and fuzzers use them).
// `path` only names the file in error messages.
Profile parse_blt(std::string_view text, const std::string& path, const BallotRules& rules);
Profile parse_preflib(std::string_view text, const std::string& path, const BallotRules& rules);
Profile parse_csv_ranked(std::string_view text, const std::string& path, const BallotRules& rules,
                         std::span<const std::string> candidates = {});
Profile parse_debian_tally(std::string_view text, const std::string& path,
                           const BallotRules& rules);

// A file's whole content in one read. Throws InputError when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace veche
