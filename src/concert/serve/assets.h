// concert/serve/assets.h — the web page's files (web/), compiled into the
// binary by cmake/embed_assets.cmake so `concert serve` needs nothing at run time.
#pragma once

#include <string_view>
#include <vector>

namespace concert::serve {

struct Asset {
  std::string_view path;  // "/index.html"
  std::string_view content_type;
  std::string_view bytes;
};

const std::vector<Asset>& Assets();

}  // namespace concert::serve
