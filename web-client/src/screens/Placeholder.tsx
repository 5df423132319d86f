/** A screen still to come: says so, and names the API it will use (already available at /graphql). */
export function Placeholder({ title, summary, api }: { title: string; summary: string; api: string[] }) {
  return (
    <div class="narrow placeholder">
      <h1>{title} <span class="badge soon">à venir</span></h1>
      <p>{summary}</p>
      <p>Cet écran est à venir. L’API qu’il utilisera est déjà disponible sur <a href="/graphql">/graphql</a> :</p>
      <ul>{api.map((a) => <li key={a}><code>{a}</code></li>)}</ul>
    </div>
  );
}
