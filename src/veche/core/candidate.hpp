#pragma once
#include <cstdint>

namespace veche {

// A candidate (or option, or party) is its 0-based position in the file's list.
using CandidateId = std::uint32_t;

// A ballot's weight: how many voters cast exactly that ballot.
using Weight = std::uint64_t;

}  // namespace veche
