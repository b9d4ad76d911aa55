#pragma once
#include <span>
#include <string>
#include <string_view>

#include "veche/core/ballot_rules.hpp"
#include "veche/core/party_votes.hpp"
#include "veche/core/profile.hpp"

namespace veche {

// Reads a ballot file in any format veche knows. `format` empty: from the extension,
// else from the content. Throws InputError (file, line, field, why) on a malformed file.
Profile read_ballots(const std::string& path, std::string_view format, const BallotRules& rules);

// Reads a party-votes CSV: a header row, then `name,whole number` rows.
PartyVotes read_party_votes(const std::string& path);

// The names `--input-format` accepts.
std::span<const std::string_view> ballot_formats();

}  // namespace veche
