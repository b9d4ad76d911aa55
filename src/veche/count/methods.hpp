#pragma once
// One function a counting method, each in the file named after it (count/<method>.cpp).
#include "veche/count/method.hpp"

namespace veche {

Outcome count_plurality(const Profile& profile, const CountOptions& options);
// Single-winner and Condorcet methods (count/<method>.cpp).
Outcome count_approval(const Profile& profile, const CountOptions& options);
Outcome count_borda(const Profile& profile, const CountOptions& options);
Outcome count_two_round(const Profile& profile, const CountOptions& options);
Outcome count_irv(const Profile& profile, const CountOptions& options);
Outcome count_condorcet(const Profile& profile, const CountOptions& options);
Outcome count_schulze(const Profile& profile, const CountOptions& options);
Outcome count_ranked_pairs(const Profile& profile, const CountOptions& options);
Outcome count_copeland(const Profile& profile, const CountOptions& options);
Outcome count_minimax(const Profile& profile, const CountOptions& options);
// STV as the law counts it (count/stv_*.cpp).
Outcome count_stv_scottish(const Profile& profile, const CountOptions& options);
Outcome count_stv_wigm(const Profile& profile, const CountOptions& options);
Outcome count_stv_meek(const Profile& profile, const CountOptions& options);
Outcome count_stv_gregory(const Profile& profile, const CountOptions& options);
Outcome count_stv_ers97(const Profile& profile, const CountOptions& options);

}  // namespace veche
