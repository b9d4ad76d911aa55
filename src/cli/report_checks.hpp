#pragma once
// How every checking command (verify, scenario verify) reports: one line a check, then
// the verdict; exit 1 when a check fails (2 stays for bad input, as elsewhere).
#include <vector>

#include "veche/ledger/record.hpp"

namespace veche::cli {

void report_checks(const std::vector<Check>& checks);

}  // namespace veche::cli
