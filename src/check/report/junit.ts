import type { CheckReport } from '../types.js';

/**
 * JUnit XML: one `<testsuite>` for the run, one `<testcase>` per check (classname: the id's first
 * part), `<failure>` for fails (and warnings under strict), `<skipped>` for skips, warnings
 * otherwise noted in `<system-out>`. xmlbuilder2 is loaded only when this reporter is used.
 */
export async function renderJunit(report: CheckReport): Promise<string> {
  const { create } = await import('xmlbuilder2');
  const { xmlText } = await import('../../reporters/junit.js');
  const attribute = (text: string) => xmlText(text).replace(/[\r\n\t]+/g, ' ');
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', { name: 'hooksim check' });
  let failures = 0;
  let skipped = 0;
  const suite = root.ele('testsuite', { name: `hooksim check ${report.provider}` });
  for (const check of report.checks) {
    const testcase = suite.ele('testcase', { name: attribute(check.id), classname: attribute(check.id.split('.')[0] ?? check.id), time: (check.durationMs / 1000).toFixed(3) });
    const body = `${check.message}\nWhy: ${check.why}\nFix: ${check.fix}${check.exchanges[0] ? `\nReplay: ${check.exchanges.at(-1)!.curl}` : ''}`;
    if (check.status === 'fail' || (check.status === 'warn' && report.strict)) {
      failures += 1;
      testcase.ele('failure', { message: attribute(check.message), type: check.status }).txt(xmlText(body));
    } else if (check.status === 'skip') {
      skipped += 1;
      testcase.ele('skipped', { message: attribute(check.message) });
    } else if (check.status === 'warn') {
      testcase.ele('system-out').txt(xmlText(`warning: ${body}`));
    }
  }
  const counts = { tests: String(report.checks.length), failures: String(failures), errors: '0', skipped: String(skipped), time: (report.durationMs / 1000).toFixed(3) };
  suite.att(counts);
  root.att(counts);
  return root.end({ prettyPrint: true }) + '\n';
}
