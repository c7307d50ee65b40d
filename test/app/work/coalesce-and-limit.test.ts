// Coalescing identical diagnoses and the per-person limit, on a clock the test moves.
import { isLicenseDoctorError } from '../../../src/core/errors.ts';
import { Coalescer } from '../../../src/app/work/coalesce.ts';
import { RateLimit } from '../../../src/app/work/rate-limit.ts';

describe('Coalescer', () => {
  it('shares one run between identical keys in flight and for the window after, then runs again', async () => {
    let now = 0;
    let runs = 0;
    const c = new Coalescer<number>({ now: () => now }, 3_000);
    const work = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 5));
      return runs;
    };
    const [a, b] = await Promise.all([c.run('adele', work), c.run('adele', work)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    now = 2_999;
    expect(await c.run('adele', work)).toBe(1);
    expect(await c.run('megan', work)).toBe(2);
    now = 6_000;
    expect(await c.run('adele', work)).toBe(3);
  });

  it('never shares a failure once it has settled', async () => {
    const c = new Coalescer<string>({ now: () => 0 }, 3_000);
    await expect(c.run('k', async () => Promise.reject(new Error('Graph is down')))).rejects.toThrow('Graph is down');
    await expect(c.run('k', async () => 'ok')).resolves.toBe('ok');
  });
});

describe('RateLimit', () => {
  it('allows `perMinute` per person in a sliding minute, with a friendly answer naming the wait', () => {
    let now = 0;
    const limit = new RateLimit({ now: () => now }, 3);
    for (let i = 0; i < 3; i += 1) {
      limit.take('Ida@contoso.com');
      now += 1_000;
    }
    let refusal: unknown;
    try {
      limit.take('ida@contoso.com');
    } catch (err) {
      refusal = err;
    }
    expect(isLicenseDoctorError(refusal, 'throttled')).toBe(true);
    expect((refusal as Error).message).toBe('That is 3 diagnoses in the last minute, as many as License Doctor runs for one person: try again in 57 s.');
    expect(() => limit.take('patti@contoso.com')).not.toThrow();
    now = 60_001;
    expect(() => limit.take('ida@contoso.com')).not.toThrow();
  });
});
