/**
 * Every message the bot posts, whichever flow posts it: what the chat adapter draws, one way per
 * kind. Each subdomain declares the kinds it posts beside its ports, and nothing in them imports
 * this union, so it can name them all.
 */
import type { IncidentCardMessage } from './incident/incident-ports.js';
import type { CommonMessage } from './ports.js';
import type { ActionReminderMessage } from './postmortem/postmortem-ports.js';
import type { TriageProgressMessage, TriageSummaryMessage } from './triage/triage-ports.js';

export type ChatMessage = IncidentCardMessage | TriageSummaryMessage | TriageProgressMessage | ActionReminderMessage | CommonMessage;
