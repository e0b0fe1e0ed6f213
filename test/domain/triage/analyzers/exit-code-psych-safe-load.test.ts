import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const pumaBoot = (ruby: string) => [
  'Puma starting in cluster mode...',
  `* Puma version: 5.6.8 (ruby ${ruby}) ("Birdie's Version")`,
  '* Preloading application',
  'bundler: failed to load command: puma (/usr/local/bundle/bin/puma)',
];

const BAD_ALIAS = [
  ...pumaBoot('3.1.4-p223'),
  "/usr/local/lib/ruby/3.1.0/psych/visitors/to_ruby.rb:430:in `visit_Psych_Nodes_Alias': Unknown alias: base (Psych::BadAlias)",
  "\tfrom /usr/local/lib/ruby/3.1.0/psych.rb:334:in `safe_load'",
  "\tfrom /usr/local/lib/ruby/3.1.0/psych.rb:670:in `load_file'",
  "\tfrom /srv/app/config/initializers/settings.rb:7:in `<main>'",
  "\tfrom /usr/local/bundle/gems/railties-7.0.8/lib/rails/engine.rb:667:in `load'",
];

const DISALLOWED = [
  "/usr/local/lib/ruby/3.2.0/psych/class_loader.rb:99:in `find': Tried to load unspecified class: Date (Psych::DisallowedClass)",
  "\tfrom /usr/local/lib/ruby/3.2.0/psych.rb:322:in `safe_load'",
  "\tfrom /app/lib/holidays.rb:12:in `load_calendar'",
];

describe('analyzeExitCodes: Psych 4 (Ruby 3.1+) refusing what an unsafe YAML.load took', () => {
  it("quotes Psych's exception, not bundler's wrapper, and names the Ruby that brought Psych 4", () => {
    const [f] = analyzeExitCodes(crashScenario(2, () => terminated(1, 'Error', 2), { logs: BAD_ALIAS }));
    expect(f?.decisive).toBe('Unknown alias: base (Psych::BadAlias)');
    expect(f?.title).toContain(': Psych 4 (Ruby 3.1.4) loads YAML safely and refuses the alias *base');
    expect(f?.likelyCause).toContain('loaded by /srv/app/config/initializers/settings.rb:7');
    expect(f?.fix).toContain('aliases: true');
  });

  it('names a class the safe load does not permit, with the Ruby its library path names', () => {
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 2), { logs: DISALLOWED }));
    expect(f?.title).toContain('Psych 4 (Ruby 3.2) loads YAML safely and refuses the class Date');
    expect(f?.fix).toContain('permitted_classes: [Date]');
  });
});
