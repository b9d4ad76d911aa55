#pragma once
// One function a counting method, each in the file named after it (count/<method>.cpp).
#include "veche/count/method.hpp"

namespace veche {

Outcome count_plurality(const Profile& profile, const CountOptions& options);

}  // namespace veche
