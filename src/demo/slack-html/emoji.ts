/**
 * Emoji shortcodes as Slack draws them: the standard ones the bot and people use, as unicode.
 * A workspace's custom emoji (or one not listed) keeps its `:name:` text, as a plain client would.
 */
const EMOJI: Record<string, string> = {
  rotating_light: '🚨', warning: '⚠️', white_check_mark: '✅', x: '❌', memo: '📝', pushpin: '📌', mag: '🔍',
  hourglass: '⌛', hourglass_flowing_sand: '⏳', alarm_clock: '⏰', red_circle: '🔴', large_orange_circle: '🟠',
  large_yellow_circle: '🟡', large_blue_circle: '🔵', large_green_circle: '🟢', white_circle: '⚪', black_circle: '⚫',
  grey_question: '❔', question: '❓', exclamation: '❗', heavy_check_mark: '✔️', lock: '🔒', unlock: '🔓',
  bust_in_silhouette: '👤', busts_in_silhouette: '👥', repeat: '🔁', arrows_counterclockwise: '🔄', fire: '🔥',
  eyes: '👀', thumbsup: '👍', '+1': '👍', thumbsdown: '👎', '-1': '👎', tada: '🎉', rocket: '🚀', bell: '🔔',
  no_bell: '🔕', clipboard: '📋', calendar: '📅', spiral_calendar_pad: '🗓️', chart_with_upwards_trend: '📈',
  chart_with_downwards_trend: '📉', gear: '⚙️', wrench: '🔧', hammer_and_wrench: '🛠️', link: '🔗',
  page_facing_up: '📄', books: '📚', bulb: '💡', zap: '⚡', boom: '💥', ambulance: '🚑', sos: '🆘', stop_sign: '🛑',
  construction: '🚧', checkered_flag: '🏁', point_right: '👉', arrow_right: '➡️', arrow_up: '⬆️', arrow_down: '⬇️',
  information_source: 'ℹ️', speech_balloon: '💬', thought_balloon: '💭', pager: '📟', telephone_receiver: '📞',
  skull: '💀', broom: '🧹', recycle: '♻️', package: '📦', whale: '🐳', ship: '🚢', test_tube: '🧪', stopwatch: '⏱️',
  timer_clock: '⏲️', clock1: '🕐', sunrise: '🌅', crescent_moon: '🌙', shield: '🛡️', key: '🔑', no_entry: '⛔',
  no_entry_sign: '🚫', heavy_plus_sign: '➕', heavy_minus_sign: '➖', ballot_box_with_check: '☑️', raised_hands: '🙌',
  pray: '🙏', wave: '👋', sweat_smile: '😅', slightly_smiling_face: '🙂', smile: '😄', thinking_face: '🤔',
};

/** `:name:` → unicode where known; text already HTML-escaped goes in and out unchanged otherwise. */
export function replaceEmoji(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);
}
