// Renders a concert HTML report in Debian's headless Chromium and checks that
// it loads without console errors, that every SVG chart has a non-empty
// bounding box, and that no request leaves the file. Writes a screenshot.
//
//   node report_test.mjs REPORT.html [SCREENSHOT.png]
//
// Exit 0: passed; 1: failed; 77: skipped (no Chromium or playwright-core here).
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [report, screenshot] = process.argv.slice(2);
const chromium_path = "/usr/bin/chromium";
let playwright;
try {
  playwright = await import("playwright-core");
} catch {
  console.log("SKIP: playwright-core is not installed (npm install in tests/browser)");
  process.exit(77);
}
if (!existsSync(chromium_path)) {
  console.log("SKIP: /usr/bin/chromium is not installed (apt-get install chromium)");
  process.exit(77);
}

const browser = await playwright.chromium.launch({
  executablePath: chromium_path,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const failures = [];
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 1200 } });
  const url = pathToFileURL(report).href;
  page.on("console", (m) => { if (m.type() === "error") failures.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => failures.push(`page error: ${e.message}`));
  page.on("request", (r) => { if (r.url() !== url) failures.push(`request left the file: ${r.url()}`); });
  await page.goto(url, { waitUntil: "load" });
  const boxes = await page.$$eval("svg", (all) => all.map((s) => {
    const b = s.getBoundingClientRect();
    return [b.width, b.height];
  }));
  if (boxes.length === 0) failures.push("no SVG chart in the page");
  boxes.forEach(([w, h], k) => { if (!(w > 0 && h > 0)) failures.push(`svg ${k} is empty (${w}x${h})`); });
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: false });
  console.log(`${boxes.length} charts rendered`);
} finally {
  await browser.close();
}
if (failures.length) {
  for (const f of failures) console.log(`FAIL: ${f}`);
  process.exit(1);
}
console.log("report renders cleanly");
