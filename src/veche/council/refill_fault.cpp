#include <fmt/format.h>

#include "veche/council/refill.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

namespace {

// Every countback of the chain up to the mandate's, counted again: an earlier one sets who
// may not stand in the later ones. (mandate_statement_fault has checked that the chain up
// to `file` is there, signed and linked.)
std::optional<std::string> countback_fault(const std::string& delegate, const fs::path& record,
                                           const std::string& file) {
  std::string elected;
  for (int n = 1;; ++n) {
    auto s = nlohmann::json::parse(read_small_file(record / countback_file(n)));
    CountbackSeat seat{s.at("recalled").get<std::string>(), s.at("vacating").get<std::string>(),
                       s.at("not_standing").get<std::vector<std::string>>()};
    elected = s.at("elected").get<std::string>();
    std::string recounted = countback_elects(record, seat);
    if (recounted != elected) {
      return fmt::format(
          "{} of record {} names {} elected, but the countback of the seat {} won "
          "elects {}",
          countback_file(n), record.filename().string(), elected, seat.vacating, recounted);
    }
    if (countback_file(n) == file) break;
  }
  if (elected != delegate)
    return fmt::format("{} of record {} elected {}, not {}", file, record.filename().string(),
                       elected, delegate);
  return std::nullopt;
}

std::optional<std::string> list_fault(const std::string& delegate, const fs::path& record,
                                      const std::vector<std::string>& vacated) {
  std::string why;
  std::optional<std::string> next = next_on_list_after(record, vacated, why);
  if (!next) return why;
  if (*next != delegate)
    return fmt::format("the next on the list of record {} after {} is {}, not {}",
                       record.filename().string(), nlohmann::json(vacated).dump(), *next, delegate);
  return std::nullopt;
}

}  // namespace

bool names_refill(const nlohmann::json& mandate) {
  return mandate.is_object() && (mandate.contains("countback") || mandate.contains("vacated"));
}

std::optional<std::string> refill_fault(const nlohmann::json& mandate,
                                        const fs::path& records_root) {
  if (!names_refill(mandate)) return std::nullopt;
  try {
    std::string delegate = mandate.at("delegate").get<std::string>();
    fs::path record = records_root / mandate.at("record").get<std::string>();
    if (mandate.contains("countback"))
      return countback_fault(delegate, record, mandate.at("countback").get<std::string>());
    return list_fault(delegate, record, mandate.at("vacated").get<std::vector<std::string>>());
  } catch (const std::exception& e) {
    return fmt::format("its refill cannot be worked out again: {}", e.what());
  }
}

}  // namespace veche
