/**
 * The URL a request goes to: the target URL with the request's own path below it (a provider
 * file's `request.path`, `/devices/d-1`). The target names where the hook lives; the provider
 * decides what comes after it, as a platform that posts each event to `<endpoint>/<event>` does.
 * An absent or `/` path leaves the target as given; a query in the path is added to the target's.
 */
export function urlWithPath(target: URL, path: string | undefined): URL {
  if (path === undefined || path === '/' || path === '') return target;
  const extra = new URL(path, 'http://path.invalid');
  const url = new URL(target.href);
  url.pathname = target.pathname.replace(/\/+$/, '') + extra.pathname;
  for (const [name, value] of extra.searchParams) url.searchParams.append(name, value);
  return url;
}

/** `target` (a URL or a description such as `<hook URL>`) followed by the request's path, for display. */
export function describeWithPath(target: string, path: string | undefined): string {
  if (path === undefined || path === '/' || path === '') return target;
  try {
    return urlWithPath(new URL(target), path).href;
  } catch {
    return `${target.replace(/\/+$/, '')}${path}`;
  }
}
