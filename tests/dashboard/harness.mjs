// What the dashboard's browser scripts share: Debian's chromium through playwright-core (no
// browser download), a check list that prints one line per check, axe-core, and screenshots
// of a page in both themes at a desktop's and a phone's width (checking the phone's width
// fits). `theme` chooses how a theme is put on: 'media' emulates the system's preference,
// 'picker' uses the dashboard's own Theme control (and so proves it).
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function checks() {
  const failures = [];
  const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures.push(what); return ok; };
  return { failures, check };
}

export async function launch(viewport = { width: 1280, height: 800 }) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport, colorScheme: 'light' });
  return { browser, context };
}

// axe-core on the page as it is: no serious or critical violation.
export async function axe(page, check, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(bad.length === 0, `axe: no serious/critical violation on ${name}${bad.length ? ': ' + bad.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`).join(', ') : ''}`);
}

// Screenshots of `name` in both themes at 1280×800 and 390×844, axe in the dark theme (the
// caller checks the light one), and the phone's width fitting the page.
export async function shots(page, check, dir, name, theme = 'media') {
  mkdirSync(dir, { recursive: true });
  for (const scheme of ['light', 'dark']) {
    if (theme === 'media') await page.emulateMedia({ colorScheme: scheme });
    else await page.getByLabel('Theme').selectOption(scheme);
    for (const [w, hgt] of [[1280, 800], [390, 844]]) {
      await page.setViewportSize({ width: w, height: hgt });
      await page.waitForTimeout(80);
      if (w === 390) {
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        check(wide <= 392, `${name} fits a phone's width in ${scheme} (${wide} px)`);
      }
      await page.screenshot({ path: `${dir}/${name}-${scheme}-${w}.png`, fullPage: false });
      if (scheme === 'dark' && w === 1280) await axe(page, check, `${name} (dark)`);
    }
  }
  if (theme === 'media') await page.emulateMedia({ colorScheme: 'light' });
  else await page.getByLabel('Theme').selectOption('light');
  await page.setViewportSize({ width: 1280, height: 800 });
}

// Opens the page `hash` names and waits until the navigation marks it current.
export async function visit(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction((h) => document.querySelector('nav a[aria-current="page"]')?.dataset.page === h, hash);
}
