/**
 * ImageMagick refusing work for its own security policy (policy.xml): Debian's and Ubuntu's
 * packages ship `<policy domain="coder" rights="none" pattern="PDF" />` (and PS, EPS, XPS: the
 * Ghostscript hardening), so `convert`/`magick` and the libraries over it (Wand, RMagick,
 * MiniMagick, Imagick) refuse those formats with "attempt to perform an operation not allowed by
 * the security policy `PDF'" (older: "not authorized `file.pdf'"), while every other format still
 * converts and the pods stay Ready. The resource domain caps size the same way ("cache resources
 * exhausted", "width or height exceeds limit"). The policy ships in the image: a revision that
 * changed the image (a new base image that installs ImageMagick from the distribution) brought it,
 * however late the first such file came.
 */
import type { PodEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';

/** ImageMagick's own location suffix on every exception it raises: `@ error/constitute.c/IsCoderAuthorized/421`. */
const IM_LOCATION = /@ (?:error|warning|fatal)\/\w+\.c\/\w+\/\d+/;
/** A coder refused by the policy: "not allowed by the security policy `PDF'"; ImageMagick 6 before 6.9.10: "not authorized `doc.pdf'". */
const CODER_REFUSED = /not allowed by the security policy [`'"]([A-Za-z0-9]+)'|\bnot authori[sz]ed [`'"][^`'"]*\.([A-Za-z0-9]+)'/;
/** A resource policy limit: the pixel cache past its memory/disk/area limits, an image past the width or height limit. */
const RESOURCE_REFUSED = /\b(cache resources exhausted|width or height exceeds limit|(?:width|height|area|memory|disk|list length) exceeds (?:user )?limit|too many exceptions)\b/i;

export interface ImageMagickPolicyRefusal {
  /** `coder`: a format refused; `resource`: a size limit. */
  domain: 'coder' | 'resource';
  /** The coder, upper case (`PDF`), for a coder refusal. */
  coder?: string;
  /** The limit's words, for a resource refusal. */
  limit?: string;
  line: string;
}

/** The first line of the errors that is ImageMagick refusing for its policy. */
export function findImageMagickPolicyRefusal(errors: readonly string[]): ImageMagickPolicyRefusal | undefined {
  for (const line of errors) {
    const coder = CODER_REFUSED.exec(line);
    if (coder !== null && (IM_LOCATION.test(line) || /security policy/.test(line))) {
      return { domain: 'coder', coder: (coder[1] ?? coder[2] ?? '').toUpperCase(), line: line.trim() };
    }
    const resource = IM_LOCATION.test(line) ? RESOURCE_REFUSED.exec(line) : null;
    if (resource !== null) return { domain: 'resource', limit: (resource[1] ?? '').toLowerCase(), line: line.trim() };
  }
  return undefined;
}

interface ImageChange {
  revision: number;
  previous: number;
  from: string;
  to: string;
}

/** The newest revision's image change, when every erroring pod runs it: the image that ships the policy came with it. */
function findImageChange(revisions: readonly RevisionEvidence[], pods: readonly PodEvidence[]): ImageChange | undefined {
  const [newest, previous] = sortRevisions(revisions);
  if (newest === undefined || previous === undefined || pods.length === 0 || pods.some((p) => p.revisionHash !== newest.hash)) return undefined;
  for (const c of newest.containers) {
    const before = previous.containers.find((x) => x.name === c.name);
    if (before !== undefined && before.image !== c.image) return { revision: newest.revision, previous: previous.revision, from: before.image, to: c.image };
  }
  return undefined;
}

const tagOf = (image: string): string => image.replace(/^.*\//, '');

export interface ImageMagickPolicy {
  summary: string;
  likelyCause: string;
  nextAction: string;
  fix: string;
  /** Set when a revision changed the image: errors that begin late still come from it. */
  latent?: string;
}

/** `errors`: the error lines of ready pods. */
export function explainImageMagickPolicy(errors: readonly string[], revisions: readonly RevisionEvidence[], pods: readonly PodEvidence[]): ImageMagickPolicy | undefined {
  const refusal = findImageMagickPolicyRefusal(errors);
  if (refusal === undefined) return undefined;
  const change = findImageChange(revisions, pods);
  const moved = change ? ` Revision ${change.revision} changed the image (${tagOf(change.from)} → ${tagOf(change.to)}); a new base image that installs ImageMagick from the distribution brings that distribution's policy.xml with it.` : '';
  const back = change ? `; rolling back to revision ${change.previous} restores the previous image meanwhile` : '';
  if (refusal.domain === 'coder') {
    const coder = refusal.coder ?? 'the format';
    const fix = `ship a policy.xml that allows read on ${coder} (<policy domain="coder" rights="read|write" pattern="${coder}" />), in the image or mounted from a ConfigMap over /etc/ImageMagick-6/policy.xml (or -7)`;
    return {
      summary: `ImageMagick's security policy (policy.xml) refuses the ${coder} coder: every ${coder} conversion fails while other formats work`,
      likelyCause: `ImageMagick checks each format against its policy.xml, and the policy the image carries denies ${coder} (Debian's and Ubuntu's packages ship rights="none" for PDF, PS, EPS and XPS: the Ghostscript hardening). So every ${coder} file fails with "not allowed by the security policy" while other formats convert and the pods stay Ready.${moved}`,
      nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}${back}; then retry the failed ${coder} work. Restarting the pods will not help.`,
      fix,
      ...(change ? { latent: `ImageMagick's policy ships in the image and only a ${coder} file meets it, so errors that begin late still come from revision ${change.revision}'s image` } : {}),
    };
  }
  const limit = refusal.limit ?? 'a resource limit';
  const fix = 'raise the resource limits (memory, disk, width, height, area) in the policy.xml the image ships, or mount one from a ConfigMap, within the container\'s memory limit';
  return {
    summary: `ImageMagick's resource policy (policy.xml) refuses large images (${limit})`,
    likelyCause: `ImageMagick caps the pixel cache and image dimensions with the resource policies of its policy.xml; images past them fail with "${limit}" while smaller ones convert and the pods stay Ready.${moved}`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}${back}. Restarting the pods will not help.`,
    fix,
    ...(change ? { latent: `ImageMagick's policy ships in the image and only a large image meets its limits, so errors that begin late still come from revision ${change.revision}'s image` } : {}),
  };
}
