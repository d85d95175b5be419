// concert/serve/scenario_dir.h — the one directory `concert serve` may read:
// files are named relative to it and must stay inside it, symlinks resolved.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace concert::serve {

class ScenarioDir {
 public:
  // InputError naming `--dir` when `path` is not a directory.
  explicit ScenarioDir(const std::string& path);

  const std::filesystem::path& root() const { return root_; }
  // Scenario files (.yaml .yml .json .csv .txt .tsv) at most two levels down,
  // as relative paths with '/', sorted; entries resolving outside are left out.
  std::vector<std::string> List() const;
  // The file's bytes. Throws ApiError 400 for a malformed name, 403 for one
  // that leaves the directory (.., absolute, a symlink out), 404 when missing.
  std::string Read(const std::string& name) const;

 private:
  std::filesystem::path root_;  // canonical
};

}  // namespace concert::serve
