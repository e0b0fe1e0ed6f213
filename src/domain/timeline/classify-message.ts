/**
 * Decides whether an incident-channel message is a key entry of the timeline: the decisions,
 * actions, mitigations, hypotheses, root causes and status changes a post-mortem is written from.
 *
 * The rules, in the order a clause is tried (the first that matches names the clause's kind):
 *  1. A question is never key, whatever it mentions ("should we roll back?", "has anyone
 *     restarted the pods"): it ends with "?" or opens with a question word.
 *  2. Hedges ("I think", "probably", "could be", "hypothesis:") make a hypothesis.
 *  3. Root-cause statements ("root cause is …", "caused by …", "found it") make a root cause.
 *  4. Decision phrases ("we decided", "the plan is", "deploy freeze", "go ahead", "I'm IC").
 *  5. A verb of the VERBS table or an ACTION_PHRASES pattern makes an action or a mitigation —
 *     done ("rolled back"), under way with the speaker as subject ("we're draining node-7",
 *     "failing over"), or announced ("I'll restart"). What comes before it in the clause can turn
 *     it into a proposal, which is a hypothesis ("we should roll back", "I think we should roll
 *     back"), or into a decision ("let's roll back", "we'll fail over", "@alice please drain
 *     node-7", or a sentence opening with the imperative: "roll back to 46").
 *  6. Status phrases ("recovered", "errors back to normal", "status: …") make a status. A status
 *     is named but not key: PRODUCT.md §6 keys decisions, actions and hypotheses, and an
 *     observation of the system is none of them.
 * A negation, a condition or "instead of" shortly before a trigger voids it ("didn't restart",
 * "not rolled back yet", "if we roll back …"); verbs that also happen on their own (pods restart,
 * the HPA scales) count only with a person as subject, an object, or nothing before them.
 * Across clauses the weightiest kind wins (KIND_WEIGHT); a pushpin (📌, typed as its shortcode) makes any message key.
 */

export type MessageKind = 'decision' | 'action' | 'mitigation' | 'hypothesis' | 'root-cause' | 'status';

export interface MessageClass {
  /** A key entry of the timeline: every kind but 'status', or a pushpin. */
  important: boolean;
  kind?: MessageKind;
}

interface VerbRow {
  /** Regex alternatives, lower case: after "I'll"/"let's" ("roll back"), done ("rolled back"), under way ("rolling back"). */
  base: string;
  done: string;
  doing: string;
  kind: 'action' | 'mitigation';
  /** Also happens without anyone doing it (pods restart, the HPA scales, a DB fails over). */
  selfHappens: boolean;
}

const row = (base: string, done: string, doing: string, selfHappens = false, kind: VerbRow['kind'] = 'action'): VerbRow => ({ base, done, doing, kind, selfHappens });
const PARTICLE = '(?: up| down| out| in)?';

const VERBS: VerbRow[] = [
  row('roll ?back', 'rolled back', 'rolling back'),
  row('roll out', 'rolled out', 'rolling out'),
  row('revert', 'reverted', 'reverting'),
  row('re-?deploy|deploy', 're-?deployed|deployed', 're-?deploying|deploying'),
  row('patch|hotfix', 'patched|hotfixed', 'patching|hotfixing'),
  row('fix', 'fixed', 'fixing'),
  row('bump', 'bumped', 'bumping'),
  row('bounce|recycle', 'bounced|recycled', 'bouncing|recycling'),
  row('disable|turn off|switch off', 'disabled|turned off|switched off', 'disabling|turning off|switching off'),
  row('toggle|flip', 'toggled|flipped', 'toggling|flipping'),
  row('pause', 'paused', 'pausing'),
  row('flush|purge|invalidate', 'flushed|purged|invalidated', 'flushing|purging|invalidating'),
  row('rotate|renew', 'rotated|renewed', 'rotating|renewing'),
  row('promote|replace|apply', 'promoted|replaced|applied', 'promoting|replacing|applying'),
  row('restart|reboot', 'restarted|rebooted', 'restarting|rebooting', true),
  row(`scale${PARTICLE}`, `scaled${PARTICLE}`, `scaling${PARTICLE}`, true),
  row('cordon|uncordon|drain', 'cordoned|uncordoned|drained', 'cordoning|uncordoning|draining', true),
  row('increase|raise|lower|reduce|double|halve', 'increased|raised|lowered|reduced|doubled|halved', 'increasing|raising|lowering|reducing|doubling|halving', true),
  row('enable|turn on|resume|unpause', 'enabled|turned on|resumed|unpaused', 'enabling|turning on|resuming|unpausing', true),
  row('freeze', 'froze|frozen', 'freezing', true),
  row('kill|delete|remove|evict|terminate|clear', 'killed|deleted|removed|evicted|terminated|cleared', 'killing|deleting|removing|evicting|terminating|clearing', true),
  row('page|escalate', 'paged|escalated', 'paging|escalating', true),
  row('fail ?over|fail-over', 'failed ?over|failed-over', 'failing ?over', true, 'mitigation'),
  row('rate[- ]?limit|throttle', 'rate[- ]?limited|throttled', 'rate[- ]?limiting|throttling', true, 'mitigation'),
];

const MOVE_TRAFFIC = 'shift(?:ed|ing)?|mov(?:e|ed|ing)|(?:re)?rout(?:e|ed|ing)|divert(?:ed|ing)?|drain(?:ed|ing)?|redirect(?:ed|ing)?|send(?:ing)?|sent|steer(?:ed|ing)?';
const ACTION_NOUN = 'rollback|revert|restart|rollout restart|hotfix|fix|patch|redeploy|deploy|scale[- ]?up|scale[- ]?out|drain';

/** Phrases that are actions or mitigations as they stand (they too can be proposed or decided). */
const ACTION_PHRASES: { kind: 'action' | 'mitigation'; re: RegExp }[] = [
  { kind: 'mitigation', re: /\bmitigat(?:ed|ing)\b|\bmitigation\s*(?::|is\b|has been\b|in place|applied|deployed|worked|holding|live)/ },
  { kind: 'mitigation', re: /\bworkaround\s*(?::|is\b|has been\b|in place|applied|deployed|live)|\bstop(?:ped)? the bleeding\b|\bbleeding (?:has )?stopped\b/ },
  { kind: 'mitigation', re: new RegExp(`\\b(?:${MOVE_TRAFFIC})(?: all| the| some)?(?: \\d+ ?%)?(?: of)?(?: the)? (?:traffic|requests|load|users)\\b`) },
  { kind: 'mitigation', re: /\btraffic (?:is |has been |was )?(?:shifted|moved|routed|rerouted|diverted|drained|redirected)\b|\b(?:shed|shedding) (?:load|traffic)\b|\bload shedding\b/ },
  { kind: 'mitigation', re: /\bblock(?:ed|ing)?(?: the| all)?(?: [\w-]+)? (?:ips?|traffic|requests|clients?|bots?|user[- ]agents?|asns?|ranges?)\b|\bmaintenance (?:mode|page)\b/ },
  { kind: 'mitigation', re: /\bswitch(?:ed|ing)? (?:over )?(?:traffic |reads |writes )?to (?:the )?(?:replica|secondary|standby|backup|dr|fallback|read replica|old cluster)\b/ },
  { kind: 'mitigation', re: /\bfailover (?:is |has )?(?:done|complete|completed|finished|in progress|underway|started|succeeded|worked)\b/ },
  { kind: 'action', re: new RegExp(`\\b(?:${ACTION_NOUN}) (?:is |has |was )?(?:done|complete|completed|finished|in progress|underway|started|kicked off|succeeded|successful|worked|applied|out|live|going out)\\b`) },
  { kind: 'action', re: new RegExp(`\\b(?:started|kicked off|initiated|triggered|ran|executed|issued|did|performed|completed|pushed|shipped|merged|tried|attempted) (?:a |an |the )?(?:${ACTION_NOUN})\\b`) },
  { kind: 'action', re: new RegExp(`\\b(?:tried|attempted|finished) (?:${VERBS.filter((v) => v.kind === 'action').map((v) => v.doing).join('|')})\\b`) },
  { kind: 'mitigation', re: /\b(?:started|kicked off|initiated|triggered|ran|executed|did|performed|completed) (?:a |the )?failover\b/ },
  { kind: 'action', re: /\badd(?:ed|ing)? (?:\d+ )?(?:more |extra )?(?:nodes|replicas|pods|capacity|instances|shards|brokers)\b/ },
  { kind: 'action', re: /\bkubectl (?:\S+ )*?(?:rollout (?:undo|restart|pause|resume)|scale|cordon|uncordon|drain|delete|set (?:image|resources|env)|patch|apply|edit|replace|taint|autoscale)\b|\bhelm (?:rollback|upgrade|uninstall|delete)\b|\bargocd app (?:rollback|sync)\b|\bterraform apply\b/ },
];

const HEDGE = /\b(?:i think|i believe|i suspect|i guess|i bet|i wonder if|wondering if|my guess|guess is|suspect(?:ed)?|suspicion|hypothesis|theory|probably|likely|maybe|perhaps|possibly|might be|may be|could be|smells like|seems(?: like| to be)?|looks like|pretty sure|my money(?:'s| is) on|ruled? out)\b/;
/** A hedge followed only by one of these says nothing ("I think so", "probably not", "maybe later"). */
const EMPTY_AFTER_HEDGE = new Set(['so', 'not', 'no', 'yes', 'ok', 'okay', 'fine', 'good', 'better', 'worse', 'later', 'nothing', 'it', 'that', 'this', 'right', 'true', 'lol', 'same', 'too', 'either']);

const ROOT_CAUSE: RegExp[] = [
  /\broot[- ]?cause\s*(?:is|was|:|=|-|—)\s*(?!(?:still |not |yet )*(?:unknown|unclear|tbd|tba|pending|under investigation|known|clear|found|identified)\b)\S/,
  /\b(?:found|identified|confirmed|got) (?:the )?root[- ]?cause\b|\broot[- ]?cause (?:identified|found|confirmed)\b/,
  /\brca\s*[:=]|\bthe (?:actual |real )?cause (?:is|was)\b|\bcaused by\b|\bculprit\b|\bsmoking gun\b/,
  /\bfound (?:it|the (?:issue|problem|bug|cause|culprit))\b/,
];

const DECISIONS: { re: RegExp; negatable: boolean }[] = [
  { re: /\bdecided\b|\bdecision\s*(?::|is\b|was\b|made\b)|\bwe(?:'ve| have)? agreed\b|\bagreed (?:to|on)\b|^agreed\b|\bgoing with\b/, negatable: true },
  { re: /\b(?:the |new |our )?plan\s*(?::|is)\s+\S|\b(?:my|ic|the|final) call\s*(?::|is)/, negatable: true },
  { re: /\b(?:deploy|code|change|release|merge)s? freeze\b|\b(?:hold|stop|halt|pause|block|freeze)(?: all| any)? (?:deploys|deployments|merges|releases|changes)\b|\bno more (?:deploys|deployments|merges|releases|changes)\b/, negatable: true },
  { re: /^(?:go ahead|approved|go for it|do it|ship it|green ?light(?:ed)?)\b|\bgo ahead with\b|\bhold(?:ing)? off\b/, negatable: true },
  { re: /\blet'?s (?:not|hold|wait|pause|keep|stop|freeze|leave|stay)\b/, negatable: false },
  { re: /\bsev[- ]?[0-5]\b/, negatable: true },
  { re: /(?:\b(?:i'm|i am|im|i'll be|i will be|i'll take|taking|i have|i've got)|@person (?:is|will be|as|to be))(?: the)? (?:ic|incident commander|incident lead|comms lead|comms|scribe)\b|\b(?:ic|incident commander|incident lead) (?:is|:) ?@person/, negatable: true },
];

const STATUS: RegExp[] = [
  /^(?:status|update|sitrep|status update|current status)\s*[:\-—]/,
  /\b(?:recovered|recovering|recovery (?:is )?(?:complete|done))\b|\bback (?:to (?:normal|baseline|green|healthy)|online|up)\b|\ball (?:clear|green)\b/,
  /\b(?:is|are|looks|looking|stays|staying|remains|now|holding) (?:stable|healthy|green)\b|(?:^|\b(?:is|now|marking(?: it| this)?(?: as)?|incident)\s)resolved\b/,
  /\b(?:error rate|errors|5xx|500s|latency|p99|p95|timeouts|alerts?|queue|backlog|lag)\b.*?\b(?:down|dropping|dropped|normal|stopped|gone|cleared|subsided|recovering|recovered|flat|draining|drained|back (?:down|under|below))\b/,
  /\bimpact (?:has |is )?(?:ended|stopped|started|began|over)\b|\b(?:customers?|users?) (?:are |were )?(?:impacted|affected|seeing errors|unable)\b/,
  /^(?:now |still )?monitoring\b|\b(?:we're|we are|i'm|i am) (?:now |still )?monitoring\b/,
];

/** Before a trigger, these turn it into a proposal (a hypothesis about what would help). */
const PROPOSAL = /\b(?:should|shouldn't|need to|needs to|must|ought to|want to|suggest|propose|recommend|worth|consider)\b/;
/** Directly before a plain verb, these make it a decision the team takes. */
const DECISION_PREFIX = "(?:\\bwe(?:'ll| will|'re going to| are going to|'re gonna| are gonna|'re about to| are about to)|\\blet'?s|\\blet us|\\bgoing to|\\bgonna|\\babout to|\\bplease|\\bpls|\\bgo ahead and|@person(?: will| to| please| pls)?)";
/** Directly before a plain verb, these announce the speaker's own action. */
const CLAIM_PREFIX = "(?:\\bi(?:'ll| will|'m going to| am going to|m going to|'m gonna| am gonna|'m about to| am about to)|^will)";
const FILLERS = '(?:\\s+(?:just|now|quickly|also|go|all|first|then|immediately|probably|actually|try to|start))*\\s+';
const DECISION_BEFORE = new RegExp(`${DECISION_PREFIX}${FILLERS}$`);
const CLAIM_BEFORE = new RegExp(`${CLAIM_PREFIX}${FILLERS}$`);
const PROPOSAL_BEFORE = new RegExp(`${PROPOSAL.source}${FILLERS}(?:(?:be|do|we|i|you|to)\\s+)*$`);
/** Anywhere before a done or under-way verb, these make it the team's decision or the speaker's own action. */
const DECISION_WORDS = /\b(?:we(?:'ll| will|'re going to| are going to|'re gonna| are gonna)|let'?s|let us|please|pls|go ahead and)\b|@person (?:will|to|please|pls)\b/;
const CLAIM_WORDS = /\bi(?:'ll| will|'m going to| am going to|'m gonna| am gonna|'m about to| am about to)\b/;
const DOING_SUBJECT = /(?:\b(?:i'm|i am|im|we're|we are|they're|they are|someone is|somebody is)|@person(?: is|'s))(?:\s+(?:now|currently|still|also|just|actively))?\s*$/;
const IMPERATIVE_OBJECT = /^\s+(?:the|all|a|an|it|them|this|that|now|back|to v?\d\S*|node[\w-]*|\S+[-/]\S+|\d\S*)(?:\s|$|[.,!])/;

const LEADING_FILLERS = new Set(['ok', 'okay', 'k', 'alright', 'so', 'now', 'just', 'also', 'and', 'then', 'currently', 'still', 'fyi', 'btw', 'yes', 'yep', 'yeah', 'first', 'finally', 'already', 'quickly', 'update', 'done', 'ack', 'both']);
const PERSONS = new Set(['i', 'we', 'they', 'you', '@person', 'someone', 'somebody', "i've", "we've", "they've", 'ive', "i'd", "we'd"]);
const PASSIVE = new Set(['got', 'get', 'gets', 'getting', 'been', 'being', 'was', 'were', 'is', 'are']);
const NOT_AN_OBJECT = new Set(['to', 'by', 'from', 'in', 'at', 'on', 'again', 'twice', 'itself', 'themselves', 'after', 'during', 'because', 'due', 'with', 'for', 'since', 'when', 'while', 'and', 'but', 'or', 'too', 'already', 'now', 'earlier', 'ago', 'yesterday', 'today', 'overnight', 'once']);
const NEGATION = /^(?:not|no|never|nobody|none|nor|without|cannot|instead|if|unless|whether|before|until|once|when|avoid\w*|\w+n't|(?:did|does|do|has|have|had|is|are|was|were|wo|ca|should|would|could|need)nt)$/;
const NEGATION_WINDOW = 4;
const QUESTION_OPENER = /^(?:who|whom|whose|what|what's|whats|why|how|how's|which|any|anyone|anybody|anything)\b|^(?:should|shall|do|does|did|can|could|would|will|is|are|was|were|has|have|had|isn't|didn't|don't|doesn't|wasn't|haven't|hasn't)\s+(?:we|you|i|it|this|that|there|the|a|an|anyone|anybody|someone|somebody|everyone|they|he|she|@person|our|your|their)\b/;

/** Messages can be 40,000 characters; what a person decided or did is said in the first few thousand (pasted output is dropped before counting). */
const CLASSIFIED_CHARS = 4000;

const KIND_WEIGHT: Record<MessageKind, number> = { 'root-cause': 6, decision: 5, mitigation: 4, action: 3, hypothesis: 2, status: 1 };

interface CompiledVerb {
  row: VerbRow;
  base: RegExp;
  done: RegExp;
  doing: RegExp;
}
const COMPILED: CompiledVerb[] = VERBS.map((r) => ({ row: r, base: new RegExp(`\\b(?:${r.base})\\b`, 'g'), done: new RegExp(`\\b(?:${r.done})\\b`, 'g'), doing: new RegExp(`\\b(?:${r.doing})\\b`, 'g') }));

/** Classifies one message: plain text, people written `@U…` (older entries may still hold the chat's own markup). */
export function classifyMessage(text: string): MessageClass {
  const pinned = /:pushpin:|📌/u.test(text);
  let best: MessageKind | undefined;
  for (const sentence of splitSentences(normalizeMessage(text).slice(0, CLASSIFIED_CHARS))) {
    if (isQuestion(sentence)) continue;
    for (const clause of splitClauses(sentence)) {
      const kind = classifyClause(clause);
      if (kind !== undefined && (best === undefined || KIND_WEIGHT[kind] > KIND_WEIGHT[best])) best = kind;
    }
  }
  if (best === undefined) return { important: pinned };
  return { important: pinned || best !== 'status', kind: best };
}

/** Plain lower-case prose: mentions become "@person", links, channels and emoji go, retracted (~struck~) and quoted text goes. */
export function normalizeMessage(text: string): string {
  return text
    .replace(/<[@!]([^>|]*)(?:\|[^>]*)?>/g, (_, id: string) => (/^(?:U|W|subteam)/.test(id) ? ' @person ' : ' '))
    .replace(/(?<![\w@])@[UW][A-Z0-9]{2,}\b/g, ' @person ')
    .replace(/<[^>]*>/g, ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replace(/```([\s\S]*?)```/g, (_, code: string) => keepCommands(code))
    .replace(/^>.*$/gm, ' ')
    .replace(/(^|\s)~[^~\n]+~(?=\s|$|[.,!?])/g, '$1 ')
    .replace(/:[a-z0-9_+'-]+:/gi, ' ')
    .replace(/[‘’`]/g, (c) => (c === '`' ? '' : "'"))
    .replace(/[“”]/g, '"')
    .replace(/\*/g, '')
    .replace(/(^|\s)_([^_\n]+)_(?=\s|$|[.,!?])/g, '$1$2')
    .replace(/[^\S\n]+/g, ' ')
    .toLowerCase();
}

/** A pasted block is output or a script; only its kubectl/helm/argocd/terraform lines can say what was done. */
function keepCommands(code: string): string {
  const commands = code.split('\n').filter((line) => /\b(?:kubectl|helm|argocd|terraform)\b/.test(line));
  return commands.length === 0 ? ' ' : ` ${commands.join('. ')} `;
}

function splitSentences(text: string): string[] {
  return text.split(/\n+|(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s.length > 0);
}

function isQuestion(sentence: string): boolean {
  if (/\?[\s!?.)]*$/.test(sentence)) return true;
  const words = sentence.split(/\s+/);
  while (words.length > 0 && (LEADING_FILLERS.has(stripPunctuation(words[0]!)) || words[0] === '@person' || words[0] === 'hey' || words[0] === 'but')) words.shift();
  return QUESTION_OPENER.test(words.join(' '));
}

function splitClauses(sentence: string): string[] {
  return sentence
    .split(/[,;(]|\s[-–—]\s|\s(?:and|but|though|although|since|because|so|then)\s/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

function classifyClause(clause: string): MessageKind | undefined {
  const hedge = HEDGE.exec(clause);
  if (hedge !== null && saysSomethingAfter(clause.slice(hedge.index + hedge[0].length))) return 'hypothesis';
  if (ROOT_CAUSE.some((re) => matchesUnnegated(clause, re))) return 'root-cause';
  if (DECISIONS.some((d) => (d.negatable ? matchesUnnegated(clause, d.re) : d.re.test(clause)))) return 'decision';
  const acted = findActionOrMitigation(clause);
  if (acted !== undefined) return acted;
  if (STATUS.some((re) => matchesUnnegated(clause, re))) return 'status';
  return undefined;
}

function findActionOrMitigation(clause: string): MessageKind | undefined {
  // Phrases first: "drained traffic from us-east-1" is a mitigation before it is a drain.
  for (const { kind, re } of ACTION_PHRASES) {
    const m = re.exec(clause);
    if (m !== null && !isNegated(clause, m.index, m[0].length)) return withModality(clause.slice(0, m.index), kind);
  }
  for (const { row, base, done, doing } of COMPILED) {
    for (const m of clause.matchAll(done)) {
      // "we should have rolled back" proposes; nothing else turns a done thing into something else.
      if (countsAsDone(clause, m.index, m[0].length, row)) return PROPOSAL.test(clause.slice(0, m.index)) ? 'hypothesis' : row.kind;
    }
    for (const m of clause.matchAll(doing)) {
      const before = clause.slice(0, m.index);
      if (isNegated(clause, m.index, m[0].length)) continue;
      if (isClauseStart(before) || DOING_SUBJECT.test(before) || PROPOSAL.test(before)) return withModality(before, row.kind);
    }
    for (const m of clause.matchAll(base)) {
      const before = clause.slice(0, m.index);
      if (isNegated(clause, m.index, m[0].length)) continue;
      if (PROPOSAL_BEFORE.test(before)) return 'hypothesis';
      // "I'll roll back if errors persist" is a plan, not yet an action.
      const conditional = /\b(?:if|unless|in case)\b/.test(clause.slice(m.index));
      if (CLAIM_BEFORE.test(before)) return conditional ? 'decision' : row.kind;
      if (DECISION_BEFORE.test(before)) return 'decision';
      // A sentence that opens with the verb and its object is an instruction: "roll back to 46".
      if (isClauseStart(before) && IMPERATIVE_OBJECT.test(clause.slice(m.index + m[0].length))) return 'decision';
    }
  }
  return undefined;
}

function countsAsDone(clause: string, index: number, length: number, row: VerbRow): boolean {
  if (isNegated(clause, index, length)) return false;
  const before = clause.slice(0, index);
  const after = clause.slice(index + length);
  // "restarted 14 times" is what a pod did, not what someone did.
  if (/^\s*(?:\d+|several|many|multiple|a few|a couple of)\s*(?:times|x)\b|^\s*(?:on (?:its|their) own|by itself|automatically)\b/.test(after)) return false;
  if (!row.selfHappens) return true;
  const wordsBefore = wordsOf(before);
  const previous = wordsBefore[wordsBefore.length - 1];
  if (previous !== undefined && PASSIVE.has(previous)) return false;
  return wordsBefore.length === 0 || isClauseStart(before) || wordsBefore.some((w) => PERSONS.has(w)) || hasObject(after);
}

function withModality(before: string, kind: 'action' | 'mitigation'): MessageKind {
  if (PROPOSAL.test(before)) return 'hypothesis';
  if (CLAIM_WORDS.test(before)) return kind;
  if (DECISION_WORDS.test(before)) return 'decision';
  return kind;
}

function saysSomethingAfter(rest: string): boolean {
  const words = wordsOf(rest);
  if (words.length === 0) return false;
  return words.length > 1 || !EMPTY_AFTER_HEDGE.has(words[0]!);
}

function matchesUnnegated(clause: string, re: RegExp): boolean {
  const m = re.exec(clause);
  return m !== null && !isNegated(clause, m.index, m[0].length);
}

/** A negation or condition in the few words before a trigger (or inside a phrase) voids it. */
function isNegated(clause: string, index: number, length: number): boolean {
  const before = wordsOf(clause.slice(0, index)).slice(-NEGATION_WINDOW);
  const inside = wordsOf(clause.slice(index, index + length));
  return [...before, ...inside].some((w) => NEGATION.test(w)) || /\binstead of\s*$|\byet to\s*$|\bhold off on\s*$/.test(clause.slice(0, index));
}

function isClauseStart(before: string): boolean {
  return wordsOf(before).every((w) => LEADING_FILLERS.has(w));
}

function hasObject(after: string): boolean {
  if (/^\s*[.,;:!?)]/.test(after)) return false;
  const next = wordsOf(after)[0];
  return next !== undefined && !NOT_AN_OBJECT.has(next) && !next.endsWith('ly');
}

function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map(stripPunctuation)
    .filter((w) => w.length > 0);
}

function stripPunctuation(word: string): string {
  return word.replace(/^[^\w@']+|[^\w']+$/g, '');
}
