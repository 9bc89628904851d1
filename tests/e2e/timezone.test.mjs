// The reader's time zone: every time in the panel (an incident's start, its updates, a
// maintenance window, "Updated …") is the reader's wall clock, with the reader's date and
// year where they differ from today's, whatever zone and offset the feed wrote it in; each
// update's `<time datetime>` carries the UTC instant.
//
// The feed's times are fixed instants, not relative to now. The readers are in Kathmandu
// (UTC+5:45, a zone whose offset is not whole hours), in Los Angeles (west of UTC, with
// daylight saving: UTC−8 in winter, UTC−7 in summer) and in UTC.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { squash } from './fixtures.mjs';
import { hostPage, openPage, snippet, startHarness, widget } from './helpers.mjs';

/**
 * A Statuspage summary around new year 2024. Its instants in UTC:
 * - "Logins fail" started 2023-12-31T18:30Z; updates at 18:30Z and at 2024-01-01T02:10Z
 *   (written as 2023-12-31T18:10:00-08:00);
 * - "Slow API" started 2023-07-04T03:20Z; one update at 04:00Z (written as
 *   09:45:00+05:45);
 * - "Database upgrade" in progress from 2023-12-31T20:00Z to 2024-01-01T04:00Z; one
 *   update at 20:00Z.
 */
const FEED = {
  page: { id: 'zones', name: 'Zone test', url: 'https://status.example.com', updated_at: '2024-01-01T02:10:00Z' },
  components: [{ id: 'api', name: 'API', status: 'partial_outage', group: false, group_id: null }],
  incidents: [
    {
      id: 'newyear',
      name: 'Logins fail',
      status: 'identified',
      impact: 'major',
      started_at: '2023-12-31T18:30:00Z',
      created_at: '2023-12-31T18:30:00Z',
      incident_updates: [
        {
          id: 'u1',
          status: 'investigating',
          body: 'We are investigating.',
          created_at: '2023-12-31T18:30:00Z',
          display_at: '2023-12-31T18:30:00Z',
        },
        {
          id: 'u2',
          status: 'identified',
          body: 'A fix is rolling out.',
          created_at: '2023-12-31T18:10:00-08:00',
          display_at: '2023-12-31T18:10:00-08:00',
        },
      ],
    },
    {
      id: 'summer',
      name: 'Slow API',
      status: 'monitoring',
      impact: 'minor',
      started_at: '2023-07-04T03:20:00Z',
      created_at: '2023-07-04T03:20:00Z',
      incident_updates: [
        {
          id: 'u3',
          status: 'monitoring',
          body: 'Watching it.',
          created_at: '2023-07-04T09:45:00+05:45',
          display_at: '2023-07-04T09:45:00+05:45',
        },
      ],
    },
  ],
  scheduled_maintenances: [
    {
      id: 'upgrade',
      name: 'Database upgrade',
      status: 'in_progress',
      impact: 'maintenance',
      created_at: '2023-12-01T00:00:00Z',
      scheduled_for: '2023-12-31T20:00:00Z',
      scheduled_until: '2024-01-01T04:00:00Z',
      incident_updates: [
        {
          id: 'u4',
          status: 'in_progress',
          body: 'Work has begun.',
          created_at: '2023-12-31T20:00:00Z',
          display_at: '2023-12-31T20:00:00Z',
        },
      ],
    },
  ],
};

/** Every update's `<time datetime>`, in panel order: always the UTC instant. */
const DATETIMES = {
  newyear: ['2024-01-01T02:10:00Z', '2023-12-31T18:30:00Z'],
  summer: ['2023-07-04T04:00:00Z'],
  upgrade: ['2023-12-31T20:00:00Z'],
};

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe("the reader's time zone", () => {
  let harness;
  before(async () => {
    harness = await startHarness();
    harness.server.setFeed('zones', { body: JSON.stringify(FEED) });
    harness.server.setPage('/t/zones.html', hostPage({ body: snippet({ feed: '/feeds/zones', view: 'panel' }) }));
  });
  after(async () => {
    await harness?.stop();
  });

  /**
   * Opens the panel page as a reader in `timezoneId` with `locale` (and, with `now`, a
   * clock that stands still at that instant) and reads every event card: its facts by
   * label, and each update's time as shown, its `datetime` and its whole head line.
   */
  async function readPanel({ timezoneId, locale, now }) {
    const session = await openPage(harness.browser, { timezoneId, locale });
    const { page } = session;
    if (now) await page.clock.setFixedTime(new Date(now));
    await page.goto(harness.server.url('/t/zones.html'));
    const w = widget(page);
    await w.waitForPhase('live');
    const events = await page.evaluate(() => {
      const root = document.querySelector('telltale-status').shadowRoot;
      return Object.fromEntries(
        [...root.querySelectorAll('article[data-id]')].map((card) => [
          card.dataset.id,
          {
            facts: Object.fromEntries(
              [...card.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent]),
            ),
            updates: [...card.querySelectorAll('[data-testid=update]')].map((update) => ({
              time: update.querySelector('time')?.textContent ?? null,
              datetime: update.querySelector('time')?.getAttribute('datetime') ?? null,
              head: update.querySelector('.update-head').textContent,
            })),
          },
        ]),
      );
    });
    for (const event of Object.values(events)) {
      for (const update of event.updates) update.head = squash(update.head);
    }
    const updated = squash(await w.inside('updated').textContent());
    return { session, events, updated };
  }

  /** The `<time datetime>` of every update, per card. */
  const datetimes = (events) =>
    Object.fromEntries(Object.entries(events).map(([id, e]) => [id, e.updates.map((u) => u.datetime)]));

  // Read today, these instants are years ago: the panel shows each one with its local
  // date and year, and its age in days.
  const cases = [
    {
      // UTC+5:45: 18:30Z is already 00:15 on 1 January 2024; the window (01:45–09:45)
      // falls on one local day, so its end is only a clock.
      timezoneId: 'Asia/Kathmandu',
      locale: 'en-GB',
      started: { newyear: '1 Jan 2024, 00:15', summer: '4 Jul 2023, 09:05' },
      updates: {
        newyear: ['1 Jan 2024, 07:55', '1 Jan 2024, 00:15'],
        summer: ['4 Jul 2023, 09:45'],
        upgrade: ['1 Jan 2024, 01:45'],
      },
      window: '1 Jan 2024, 01:45 – 09:45',
    },
    {
      // UTC−8 on new year's eve: 02:10Z on 1 January is still 6:10 PM on 31 December;
      // UTC−7 in July: 03:20Z on 4 July is 8:20 PM on 3 July.
      timezoneId: 'America/Los_Angeles',
      locale: 'en-US',
      started: { newyear: 'Dec 31, 2023, 10:30 AM', summer: 'Jul 3, 2023, 8:20 PM' },
      updates: {
        newyear: ['Dec 31, 2023, 6:10 PM', 'Dec 31, 2023, 10:30 AM'],
        summer: ['Jul 3, 2023, 9:00 PM'],
        upgrade: ['Dec 31, 2023, 12:00 PM'],
      },
      window: 'Dec 31, 2023, 12:00 PM – 8:00 PM',
    },
    {
      // The control: in UTC the feed's own instants, and a window across midnight shows
      // the end's date.
      timezoneId: 'UTC',
      locale: 'en-GB',
      started: { newyear: '31 Dec 2023, 18:30', summer: '4 Jul 2023, 03:20' },
      updates: {
        newyear: ['1 Jan 2024, 02:10', '31 Dec 2023, 18:30'],
        summer: ['4 Jul 2023, 04:00'],
        upgrade: ['31 Dec 2023, 20:00'],
      },
      window: '31 Dec 2023, 20:00 – 1 Jan 2024, 04:00',
    },
  ];
  for (const c of cases) {
    test(`a reader in ${c.timezoneId} (${c.locale}) sees ${c.updates.newyear[0]} for 2024-01-01T02:10Z, with the local date`, async () => {
      const { session, events } = await readPanel(c);
      assert.deepEqual(Object.keys(events).sort(), ['newyear', 'summer', 'upgrade']);
      for (const [id, started] of Object.entries(c.started)) {
        assert.match(events[id].facts.Started, new RegExp(`^${escapeRegExp(started)} \\(\\d+ days ago\\)$`), id);
      }
      assert.equal(events.upgrade.facts.Window, c.window);
      for (const [id, times] of Object.entries(c.updates)) {
        assert.deepEqual(
          events[id].updates.map((u) => u.time),
          times,
          `${id}: update times`,
        );
        for (const u of events[id].updates) {
          assert.match(u.head, new RegExp(` · ${escapeRegExp(u.time)} \\(\\d+ days ago\\)$`), `${id}: ${u.head}`);
        }
      }
      assert.deepEqual(datetimes(events), DATETIMES, '<time datetime> is the UTC instant');
      session.assertCleanConsole();
      await session.close();
    });
  }

  // With the reader's clock standing at 2024-01-01T03:00Z, "today" and "this year" are
  // the reader's: in Kathmandu it is 08:45 on 1 January 2024, so the new year incident
  // is today's (clock only) and July 2023 is last year; in Los Angeles it is 7:00 PM on
  // 31 December 2023, so new year's eve is today and July is this year (no year shown).
  // Ages are exact too, to the nearest unit: the new year incident began 8 h 30 min
  // before ("9 h ago"), the summer one 180 days 23 h 40 min before ("181 days ago").
  const todayCases = [
    {
      timezoneId: 'Asia/Kathmandu',
      locale: 'en-GB',
      started: { newyear: '00:15 (9 h ago)', summer: '4 Jul 2023, 09:05 (181 days ago)' },
      heads: {
        newyear: ['Identified · 07:55 (50 min ago)', 'Investigating · 00:15 (9 h ago)'],
        summer: ['Monitoring · 4 Jul 2023, 09:45 (181 days ago)'],
        upgrade: ['In progress · 01:45 (7 h ago)'],
      },
      window: '01:45 – 09:45',
      updated: 'Updated 08:45 (just now)',
    },
    {
      timezoneId: 'America/Los_Angeles',
      locale: 'en-US',
      started: { newyear: '10:30 AM (9 h ago)', summer: 'Jul 3, 8:20 PM (181 days ago)' },
      heads: {
        newyear: ['Identified · 6:10 PM (50 min ago)', 'Investigating · 10:30 AM (9 h ago)'],
        summer: ['Monitoring · Jul 3, 9:00 PM (181 days ago)'],
        upgrade: ['In progress · 12:00 PM (7 h ago)'],
      },
      window: '12:00 PM – 8:00 PM',
      updated: 'Updated 7:00 PM (just now)',
    },
    {
      // In UTC the maintenance runs overnight into today: its end, though today, keeps
      // its date, or the window would seem to end before it starts.
      timezoneId: 'UTC',
      locale: 'en-GB',
      started: { newyear: '31 Dec 2023, 18:30 (9 h ago)', summer: '4 Jul 2023, 03:20 (181 days ago)' },
      heads: {
        newyear: ['Identified · 02:10 (50 min ago)', 'Investigating · 31 Dec 2023, 18:30 (9 h ago)'],
        summer: ['Monitoring · 4 Jul 2023, 04:00 (181 days ago)'],
        upgrade: ['In progress · 31 Dec 2023, 20:00 (7 h ago)'],
      },
      window: '31 Dec 2023, 20:00 – 1 Jan, 04:00',
      updated: 'Updated 03:00 (just now)',
    },
  ];
  for (const c of todayCases) {
    test(`at 2024-01-01T03:00Z a reader in ${c.timezoneId} sees "${c.updated}" and today's times without a date`, async () => {
      const { session, events, updated } = await readPanel({ ...c, now: '2024-01-01T03:00:00Z' });
      assert.equal(updated, c.updated);
      assert.deepEqual(
        Object.fromEntries(Object.entries(c.started).map(([id]) => [id, events[id].facts.Started])),
        c.started,
      );
      assert.equal(events.upgrade.facts.Window, c.window);
      assert.deepEqual(
        Object.fromEntries(Object.entries(events).map(([id, e]) => [id, e.updates.map((u) => u.head)])),
        c.heads,
      );
      assert.deepEqual(datetimes(events), DATETIMES, '<time datetime> is the UTC instant');
      session.assertCleanConsole();
      await session.close();
    });
  }
});
