// `concert validate` and `concert convert`: a scenario file checked, or
// written as concert's YAML.
#include <fmt/format.h>

#include "cli.h"
#include "concert/institutions/institution.h"
#include "concert/io/read.h"
#include "concert/io/write.h"

namespace concert::cli {
namespace {

struct FileOptions {
  std::string scenario;
  std::string input_format = "auto";
  std::string output;
};

int Validate(const FileOptions& o) {
  ScenarioDocument doc =
      ReadDocument(o.scenario, ReadTextFile(o.scenario), ParseInputFormat(o.input_format));
  std::string out;
  if (doc.order) {
    out += fmt::format("ok: order section, {} actors, {} presets\n", doc.order->actors.size(),
                       doc.order->presets.size());
  }
  if (!doc.order_only) {
    if (doc.institution.from_file) CheckInstitution(doc.institution);
    const Scenario& s = doc.scenario;
    std::size_t stances = 0;
    for (std::size_t i = 0; i < s.num_issues(); ++i) {
      for (std::size_t a = 0; a < s.num_actors(); ++a) stances += s.stance(a, i) != nullptr;
    }
    out += fmt::format("ok: {} actors, {} issues, {} stances\n", s.num_actors(), s.num_issues(),
                       stances);
  }
  Emit("", out);
  return 0;
}

int Convert(const FileOptions& o) {
  // A native scenario's institution and order sections come along, checked
  // first so that convert never passes on a broken one.
  const ScenarioDocument doc =
      ReadNegotiation(o.scenario, ReadTextFile(o.scenario), ParseInputFormat(o.input_format));
  Emit(o.output, DocumentToYaml(doc));
  return 0;
}

}  // namespace

void AddValidate(CLI::App& app, Subcommands& commands) {
  auto options = std::make_shared<FileOptions>();
  CLI::App* cmd =
      app.add_subcommand("validate", "Check a scenario file; print 'ok' or the first error.");
  cmd->add_option("scenario", options->scenario, "scenario file")->required();
  cmd->add_option("--input-format", options->input_format, InputFormatHelp())
      ->capture_default_str();
  commands.push_back({cmd, [options] { return Validate(*options); }});
}

void AddConvert(CLI::App& app, Subcommands& commands) {
  auto options = std::make_shared<FileOptions>();
  CLI::App* cmd =
      app.add_subcommand("convert", "Convert any supported scenario format to concert's YAML.");
  cmd->add_option("scenario", options->scenario, "scenario file")->required();
  cmd->add_option("--input-format", options->input_format, InputFormatHelp())
      ->capture_default_str();
  cmd->add_option("-o,--output", options->output, "write to this file instead of stdout");
  commands.push_back({cmd, [options] { return Convert(*options); }});
}

}  // namespace concert::cli
