#pragma once
#include <string>
#include <vector>

#include "veche/core/candidate.hpp"

namespace veche::cli {

// Turns names given on the command line into ids; an unknown name is a UsageError
// that lists the names the file has.
std::vector<CandidateId> ids_of(const std::vector<std::string>& wanted,
                                const std::vector<std::string>& names, const std::string& flag);

}  // namespace veche::cli
