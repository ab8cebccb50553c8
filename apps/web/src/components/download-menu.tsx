import './download-menu.css';
import type { DownloadLink } from '~/lib/downloads';

/**
 * A "Download" disclosure of plain links: no script, so it works before hydration and costs no
 * JavaScript. The files come from the API through this site's `/api` proxy.
 */
export function DownloadMenu({
  links,
  label = 'Download',
}: {
  links: DownloadLink[];
  label?: string;
}) {
  return (
    <details className="download-menu" data-testid="download-menu">
      <summary>{label}</summary>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} download>
              {link.label}
            </a>
            <span className="download-menu__hint">{link.hint}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
