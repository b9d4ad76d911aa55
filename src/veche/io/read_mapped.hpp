#pragma once
// The readers of the formats large elections come in, over a mapped file that they let go
// of as they read it (read_ballots uses them; parse_blt and parse_csv_ranked are the same
// readers over text already in memory).
#include <span>
#include <string>

#include "veche/core/ballot_rules.hpp"
#include "veche/core/profile.hpp"
#include "veche/io/mapped_file.hpp"

namespace veche::io {

Profile read_blt(MappedFile& file, const std::string& path, const BallotRules& rules);
Profile read_csv_ranked(MappedFile& file, const std::string& path, const BallotRules& rules,
                        std::span<const std::string> candidates);

}  // namespace veche::io
