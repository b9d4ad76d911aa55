#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "veche/core/tie_policy.hpp"

namespace veche::cli {

// The tie-breaking flags every counting command shares.
struct TieFlags {
  std::string seed = "0";
  std::string look_back = "backward";
  std::vector<std::string> order;

  void add_to(CLI::App& command);
  TiePolicy policy(const std::vector<std::string>& names) const;
};

}  // namespace veche::cli
