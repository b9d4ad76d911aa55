#pragma once
#include <string>

namespace veche {

// Text safe to place in HTML content or a quoted attribute.
std::string html_escape(const std::string& text);

}  // namespace veche
