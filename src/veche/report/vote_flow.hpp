#pragma once
#include <string>

#include "veche/core/outcome.hpp"

namespace veche {

// The Sankey diagram of an Outcome as an SVG element: one column of bars a round (each
// candidate's total, and the non-transferable pile), joined by bands for the votes a
// candidate kept and for every transfer. Figures are only drawn here, never counted.
std::string vote_flow_svg(const Outcome& outcome);

}  // namespace veche
