#include "cli/report_checks.hpp"

#include <cstdlib>
#include <iostream>

namespace veche::cli {

void report_checks(const std::vector<Check>& checks) {
  bool all_hold = true;
  for (const Check& c : checks) {
    std::cout << (c.holds ? "ok    " : "FAIL  ") << c.text << "\n";
    all_hold &= c.holds;
  }
  std::cout << (all_hold ? "verified: every check holds\n" : "NOT verified\n");
  std::cout.flush();
  if (!all_hold) std::exit(1);
}

}  // namespace veche::cli
