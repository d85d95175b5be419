// The page of `concert serve` in Debian's headless Chromium, against the CLI:
// opens the Six-Party scenario, raises China's salience on the nuclear issue
// and expects every model's forecast to equal `concert forecast --set` of the
// same edit; uploads a malformed file and expects the CLI's error; runs 1,000
// draws and cancels a second run; downloads the YAML and expects it to re-read
// to the same forecasts. No console error and no request to another host.
//
//   node serve_test.mjs CONCERT SOURCE_DIR OUT_DIR
//
// Exit 0: passed; 1: failed; 77: skipped (no Chromium or playwright-core here).
import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const [concert, source, out] = process.argv.slice(2);
const chromium_path = "/usr/bin/chromium";
let playwright;
try {
  playwright = await import("playwright-core");
} catch {
  console.log("SKIP: playwright-core is not installed (npm ci in tests/browser)");
  process.exit(77);
}
if (!existsSync(chromium_path)) {
  console.log("SKIP: /usr/bin/chromium is not installed (apt-get install chromium)");
  process.exit(77);
}

const scenarios = path.join(source, "scenarios");
const six_party = path.join(scenarios, "six_party_talks_2005.yaml");
const edit = "stances.CHN.nuclear.salience";
const edited_salience = 95;

// {model spec: [outcome per issue]} from the CLI's JSON.
function cliForecasts(args) {
  const json = JSON.parse(execFileSync(concert, ["forecast", ...args, "-f", "json"]).toString());
  return Object.fromEntries(json.forecasts.map((f) => [f.model, f.issues.map((i) => i.outcome ?? null)]));
}

const failures = [];
const check = (ok, message) => { if (!ok) failures.push(message); };

const server = spawn(concert, ["serve", scenarios, "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
const url = await new Promise((resolve, reject) => {
  let text = "";
  server.stderr.on("data", (d) => {
    text += d;
    const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(text);
    if (m) resolve(m[0]);
  });
  server.on("exit", (code) => reject(new Error(`concert serve exited (${code}): ${text}`)));
  setTimeout(() => reject(new Error(`concert serve did not start: ${text}`)), 10000);
});

const browser = await playwright.chromium.launch({
  executablePath: chromium_path,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// The page's forecasts: {model spec: [value per issue]} from the cells' data.
async function pageForecasts(page) {
  return page.$$eval("#forecasts td[data-spec]", (cells) => {
    const out = {};
    for (const c of cells) {
      (out[c.dataset.spec] ??= []).push(c.dataset.value === "" ? null : Number(c.dataset.value));
    }
    return out;
  });
}

function same(a, b) {
  return JSON.stringify(Object.keys(a).sort()) === JSON.stringify(Object.keys(b).sort()) &&
    Object.keys(a).every((k) => a[k].length === b[k].length && a[k].every((v, i) => v === b[k][i]));
}

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  // Chromium logs every 4xx answer as a console error; the one expected is the
  // malformed upload's 422 from /api/scenario (expect_refusal), and it must come.
  let expect_refusal = false, refusals = 0;
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (expect_refusal && m.location().url === `${url}api/scenario` && / 422 /.test(m.text())) {
      refusals += 1;
    } else {
      failures.push(`console: ${m.text()} (${m.location().url})`);
    }
  });
  page.on("pageerror", (e) => failures.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    if (!r.url().startsWith(url) && !r.url().startsWith("blob:") && !r.url().startsWith("data:")) {
      failures.push(`request to another host: ${r.url()}`);
    }
  });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("#file-select option[value='six_party_talks_2005.yaml']", { state: "attached" });
  await page.selectOption("#file-select", "six_party_talks_2005.yaml");
  await page.waitForSelector("#forecasts td[data-spec]");
  const before = await pageForecasts(page);
  check(same(before, cliForecasts([six_party])), "the file's forecasts differ from the CLI's");

  // The edit: China's salience on the nuclear issue, typed into its number box.
  const expected = cliForecasts([six_party, "--set", `${edit}=${edited_salience}`]);
  check(!same(expected, before), "the edit does not change the CLI's forecast (pick another)");
  await page.fill(`#grid input[type=number][data-path='${edit}']`, String(edited_salience));
  await page.waitForFunction(() => document.getElementById("status").textContent === "forecast of the edit");
  const after = await pageForecasts(page);
  check(same(after, expected), `after the edit the page shows ${JSON.stringify(after)}, the CLI ${JSON.stringify(expected)}`);
  check(await page.$eval(`#grid input[type=range][data-path='${edit}']`, (e) => e.value) === String(edited_salience),
        "the slider did not follow the number box");
  await page.check("#compare");
  check((await page.$$("#forecasts td.changed")).length > 0, "compare view marks no changed forecast");

  // A malformed upload: the CLI's message (file, line, field) on the page.
  const broken = "name: broken\nactors:\n  - {id: A, capability: 1}\nissues:\n  - {id: x}\n" +
                 "stances:\n  - {actor: A, issue: x, position: 50, salience: 500}\n";
  expect_refusal = true;
  await page.setInputFiles("#upload", { name: "broken.yaml", mimeType: "text/yaml", buffer: Buffer.from(broken) });
  await page.waitForSelector("#error:not([hidden])");
  const error = await page.textContent("#error");
  expect_refusal = false;
  check(refusals === 1, `the upload was refused ${refusals} times (expected once)`);
  check(/^broken\.yaml:\d+: /.test(error), `the upload's error does not name file and line: ${error}`);
  // The error message is the CLI's, less its prefix.
  let cli_error = "";
  try {
    execFileSync(concert, ["validate", "-"], { input: broken, stdio: ["pipe", "pipe", "pipe"] });
  } catch (e) {
    cli_error = e.stderr.toString();
  }
  const detail = error.replace(/^broken\.yaml:\d+: /, "");
  check(cli_error.includes(detail), `the page's error "${error}" is not the CLI's "${cli_error.trim()}"`);

  // Monte Carlo: 1,000 draws to the end, then a long run cancelled.
  await page.fill("#draws", "1000");
  await page.click("#run-mc");
  await page.waitForFunction(() => document.getElementById("mc-status").textContent !== "running…", null, { timeout: 60000 });
  check(await page.textContent("#mc-status") === "done", `1,000 draws: ${await page.textContent("#mc-status")}`);
  check(await page.$eval("#progress", (p) => p.value) === 1, "the progress bar did not reach the end");
  check((await page.$$("#mc-results tr")).length > 1, "no Monte Carlo table");
  await page.fill("#draws", "100000");
  await page.click("#run-mc");
  await page.waitForFunction(() => document.getElementById("progress").value > 0, null, { timeout: 30000 });
  await page.click("#cancel");
  await page.waitForFunction(() => document.getElementById("mc-status").textContent === "cancelled", null, { timeout: 10000 });
  check(await page.isEnabled("#run-mc"), "the run button stays disabled after a cancel");
  await page.screenshot({ path: path.join(out, "serve.png"), fullPage: false });

  // The edited scenario as YAML: it re-reads to the same forecasts.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#dl-yaml")]);
  const yaml = path.join(out, "six_party_edited.yaml");
  await download.saveAs(yaml);
  check(download.suggestedFilename() === "six_party_talks_2005-edited.yaml", `download named ${download.suggestedFilename()}`);
  check(same(cliForecasts([yaml]), after), "the downloaded YAML forecasts differently from the page");
  console.log(`${Object.keys(after).length} models checked against the CLI`);
} finally {
  await browser.close();
  server.kill("SIGINT");
}
const code = await new Promise((resolve) => server.on("exit", (c, signal) => resolve(signal ?? c)));
check(code === 0, `concert serve did not stop cleanly on SIGINT (${code})`);
if (failures.length) {
  for (const f of failures) console.log(`FAIL: ${f}`);
  process.exit(1);
}
console.log("the page agrees with the CLI");
