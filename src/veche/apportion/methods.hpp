#pragma once
// One function an apportionment method, each in the file named after it.
#include "veche/apportion/method.hpp"

namespace veche {

}  // namespace veche
