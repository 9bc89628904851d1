// Reads feed fixtures the way a person reading them would, so specs can say "the panel
// shows the incident's latest update" without copying the fixture's text.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './server.mjs';

/** The fixture's JSON: without a UTF-8 BOM and without a `callback( … );` JSONP wrapper. */
export function fixtureJson(name) {
  let text = readFileSync(join(repoRoot, 'tests', 'fixtures', name), 'utf8');
  text = text.replace(/^\uFEFF/, '').trim();
  const wrapped = /^[A-Za-z_$][\w$.]*\s*\(([\s\S]*)\)\s*;?$/.exec(text);
  return JSON.parse(wrapped ? wrapped[1] : text);
}

/** The body of the newest update of the first unresolved Statuspage incident. */
export function statuspageLatestUpdate(name) {
  const feed = fixtureJson(name);
  const incident = feed.incidents.find((i) => !['resolved', 'postmortem'].includes(i.status));
  const updates = [...incident.incident_updates].sort(
    (a, b) => Date.parse(b.display_at ?? b.created_at) - Date.parse(a.display_at ?? a.created_at),
  );
  return { incident, body: updates[0].body };
}

/** The first ongoing, non-maintenance Apple event and the services it is listed under. */
export function appleOngoingEvent(name) {
  const feed = fixtureJson(name);
  const services = [];
  let event;
  for (const service of feed.services) {
    for (const candidate of service.events ?? []) {
      if (candidate.eventStatus !== 'ongoing' || candidate.statusType === 'Maintenance') continue;
      event ??= candidate;
      if (candidate.messageId === event.messageId) services.push(service.serviceName.trim());
    }
  }
  return { event, services };
}

/** Collapses runs of whitespace, as a reader sees rendered text. */
export const squash = (text) => String(text).replace(/\s+/g, ' ').trim();
