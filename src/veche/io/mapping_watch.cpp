#include "veche/io/mapping_watch.hpp"

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>

namespace veche::io {

namespace {

// A signal handler may only touch lock-free atomics, so the watches are a fixed table of
// them: a mapping is watched from the time its reader starts until it is unmapped, and
// more than a few ballot files are seldom open at once.
struct Watch {
  std::atomic<bool> taken{false};
  std::atomic<std::uintptr_t> begin{0};  // 0 while the watch is being set up or ended
  std::atomic<std::uintptr_t> end{0};
  std::atomic<bool> cut_short{false};
};
static_assert(std::atomic<std::uintptr_t>::is_always_lock_free);
static_assert(std::atomic<bool>::is_always_lock_free);

std::array<Watch, 64> watches;
std::uintptr_t page_mask = 0;  // set before the handler is installed
struct sigaction earlier {};   // the SIGBUS action veche found, for faults not its own

// A fault elsewhere is not veche's to mend: it goes to the handler there was before, or,
// with none, ends the process as it would have (the access faults again, now fatal).
void pass_on(int signal, siginfo_t* info, void* context) {
  if ((earlier.sa_flags & SA_SIGINFO) != 0 && earlier.sa_sigaction != nullptr) {
    earlier.sa_sigaction(signal, info, context);
    return;
  }
  if ((earlier.sa_flags & SA_SIGINFO) == 0 && earlier.sa_handler != SIG_DFL &&
      earlier.sa_handler != SIG_IGN) {
    earlier.sa_handler(signal);
    return;
  }
  struct sigaction fatal {};
  fatal.sa_handler = SIG_DFL;
  ::sigemptyset(&fatal.sa_mask);
  ::sigaction(signal, &fatal, nullptr);
}

void on_bus_error(int signal, siginfo_t* info, void* context) {
  const auto at = reinterpret_cast<std::uintptr_t>(info->si_addr);
  for (Watch& w : watches) {
    const std::uintptr_t begin = w.begin.load(std::memory_order_acquire);
    const std::uintptr_t end = w.end.load(std::memory_order_acquire);
    if (begin == 0 || at < begin || at >= end) continue;
    // Zeros from the faulting page to the end of the mapping: the file's lost part reads
    // as zeros, which no ballot format takes for a ballot, and faults no more.
    const std::uintptr_t page = at & page_mask;
    void* zeros = ::mmap(reinterpret_cast<void*>(page), end - page, PROT_READ,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (zeros == MAP_FAILED) break;
    w.cut_short.store(true, std::memory_order_release);
    return;
  }
  pass_on(signal, info, context);
}

void install_handler() {
  page_mask = ~(static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE)) - 1);
  struct sigaction ours {};
  ours.sa_sigaction = on_bus_error;
  ours.sa_flags = SA_SIGINFO;
  ::sigemptyset(&ours.sa_mask);
  ::sigaction(SIGBUS, &ours, &earlier);
}

}  // namespace

int watch_mapping(const void* begin, std::size_t size) {
  static std::once_flag installed;
  std::call_once(installed, install_handler);
  for (std::size_t i = 0; i < watches.size(); ++i) {
    Watch& w = watches[i];
    if (w.taken.exchange(true, std::memory_order_acq_rel)) continue;
    const auto first = reinterpret_cast<std::uintptr_t>(begin);
    w.cut_short.store(false, std::memory_order_relaxed);
    w.end.store(first + size, std::memory_order_release);
    w.begin.store(first, std::memory_order_release);
    return static_cast<int>(i);
  }
  return kNoWatch;
}

bool mapping_cut_short(int watch) {
  return watch != kNoWatch &&
         watches[static_cast<std::size_t>(watch)].cut_short.load(std::memory_order_acquire);
}

void end_watch(int watch) {
  if (watch == kNoWatch) return;
  Watch& w = watches[static_cast<std::size_t>(watch)];
  w.begin.store(0, std::memory_order_release);
  w.end.store(0, std::memory_order_release);
  w.taken.store(false, std::memory_order_release);
}

}  // namespace veche::io
