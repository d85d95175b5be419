// concert/serve/scenario_dir.cc — reading inside the served directory only (scenario_dir.h).
#include "concert/serve/scenario_dir.h"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

#include "concert/io/read.h"
#include "concert/serve/api_error.h"

namespace concert::serve {
namespace fs = std::filesystem;
namespace {

bool IsScenarioFile(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".csv" || ext == ".txt" ||
         ext == ".tsv";
}

// Whether `path` (canonical) is `root` or below it.
bool Inside(const fs::path& root, const fs::path& path) {
  auto r = root.begin();
  auto p = path.begin();
  for (; r != root.end(); ++r, ++p) {
    if (p == path.end() || *r != *p) return false;
  }
  return true;
}

}  // namespace

ScenarioDir::ScenarioDir(const std::string& path) {
  std::error_code error;
  root_ = fs::canonical(path, error);
  if (error || !fs::is_directory(root_)) {
    throw InputError({"", 0, "SCENARIO_DIR"}, fmt::format("'{}' is not a directory", path));
  }
}

std::vector<std::string> ScenarioDir::List() const {
  std::vector<std::string> names;
  std::error_code error;
  fs::recursive_directory_iterator it(root_, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it.depth() >= 1) it.disable_recursion_pending();
    std::error_code e;
    const fs::path real = fs::canonical(it->path(), e);
    if (e || !Inside(root_, real) || !fs::is_regular_file(real, e)) continue;
    if (IsScenarioFile(it->path())) {
      names.push_back(it->path().lexically_relative(root_).generic_string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string ScenarioDir::Read(const std::string& name) const {
  if (name.empty() || name.size() > 1024 || name.find('\0') != std::string::npos ||
      name.find('\\') != std::string::npos) {
    throw Refuse(400, "name: expected a file name relative to the served directory");
  }
  const fs::path relative(name);
  if (relative.is_absolute() ||
      std::any_of(relative.begin(), relative.end(), [](const fs::path& p) { return p == ".."; })) {
    throw Refuse(403, fmt::format("name '{}': outside the served directory", name));
  }
  std::error_code error;
  const fs::path real = fs::canonical(root_ / relative, error);
  if (error) throw Refuse(404, fmt::format("name '{}': no such file", name));
  if (!Inside(root_, real)) {
    throw Refuse(403, fmt::format("name '{}': a link out of the served directory", name));
  }
  if (!fs::is_regular_file(real, error)) {
    throw Refuse(404, fmt::format("name '{}': not a file", name));
  }
  try {
    return ReadTextFile(real.string());
  } catch (const InputError& e) {
    throw Refuse(422, fmt::format("name '{}': {}", name, e.message()));
  }
}

}  // namespace concert::serve
