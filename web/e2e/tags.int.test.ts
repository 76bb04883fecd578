/**
 * End to end: curating the catalog from the lineage map's details panel (a description, owners, tags, a
 * soft delete, a drop and re-create) and following a tag: its panel, its reach downstream, its highlight on the map.
 */
import type { Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { DEMO_KEY, useE2E } from './testkit.js';

const e2e = useE2E();

describe('curating the catalog from the lineage map', () => {
  it('describes and tags a column from its details, shows the tag on the dataset\'s fields and where the tagged data flows; deletes and restores a dataset', async () => {
    const ns = 'postgres://e2e-tags:5432';
    const facet = { _producer: 'x', _schemaURL: 'https://openlineage.io/spec/facets/1-0-0/x.json' };
    const body = {
      eventType: 'COMPLETE', eventTime: new Date().toISOString(), producer: 'https://example.com/e2e', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId: crypto.randomUUID() }, job: { namespace: 'e2e', name: 'hash_contacts' },
      inputs: [{ namespace: ns, name: 'crm.customers', facets: { schema: { ...facet, fields: [{ name: 'id', type: 'int' }, { name: 'email', type: 'text' }] } } }],
      outputs: [{
        namespace: ns, name: 'analytics.contacts',
        facets: {
          schema: { ...facet, fields: [{ name: 'email_hash', type: 'text' }] },
          columnLineage: { ...facet, fields: { email_hash: { inputFields: [{ namespace: ns, name: 'crm.customers', field: 'email', transformations: [{ type: 'DIRECT', subtype: 'TRANSFORMATION' }] }] } } },
        },
      }],
    };
    const res = await fetch(`${e2e.loom.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` }, body: JSON.stringify(body) });
    expect(res.status).toBe(201);
    const dataset = `dataset:${ns}:crm.customers`;
    const field = `field:${ns}:crm.customers#email`;
    const open = (root: string, sel: string) => e2e.page(`/lineage?node=${encodeURIComponent(root)}&sel=${encodeURIComponent(sel)}`);
    let page = await open(dataset, field);
    const panelOf = () => page.getByTestId('details-panel');
    let panel = panelOf();
    await panel.getByTestId('details-tags').waitFor();
    // Its description and owners, as a person writes them.
    await panel.getByTestId('about-edit-description').click();
    await panel.getByTestId('about-description-input').fill('The customer\'s e-mail address, as typed at sign-up.');
    await panel.getByTestId('about-save').click();
    await panel.getByTestId('about-description').getByText('as typed at sign-up').waitFor();
    await panel.getByTestId('about-edit-owners').click();
    await panel.getByTestId('about-owners-input').fill('team:crm, ana');
    await panel.getByTestId('about-save').click();
    await panel.getByTestId('about-owners').getByText('team:crm').waitFor();
    expect(await panel.getByTestId('about-owners').locator('.owner-chip').allTextContents()).toEqual(['team:crm', 'ana']);
    await panel.getByTestId('details-tag-input').fill('PII');
    await panel.getByTestId('details-tag-add').click();
    await panel.getByTestId('details-tag').filter({ hasText: 'PII' }).waitFor();
    await e2e.screenshot(page, '3c-about-and-tags');

    // The dataset's field list shows it.
    await page.close();
    page = await open(dataset, dataset);
    panel = panelOf();
    await panel.getByTestId('details-field-tag').first().waitFor();
    expect(await panel.getByTestId('details-field-tag').allTextContents()).toEqual(['PII']);

    // The tag itself: what carries it, and the derived column nobody tagged.
    await page.close();
    page = await open(field, field);
    panel = panelOf();
    await panel.getByTestId('details-tag').getByRole('button', { name: 'PII', exact: true }).click();
    await panel.getByTestId('tag-reach').getByText('analytics.contacts#email_hash').waitFor();
    expect(await panel.getByTestId('tag-carried-by').getByRole('button').allTextContents()).toEqual(['crm.customers#email']);
    await e2e.screenshot(page, '3d-tag');
    // The tag's panel came with the map kept (its root still the column), and highlights the tag on it.
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ node: field, sel: 'tag:registry:PII' });
    expect(await panel.getByTestId('details-open-lineage').isDisabled()).toBe(true);
    await panel.getByTestId('tag-highlight-on-map').click();
    expect(new URL(page.url()).searchParams.get('tag')).toBe('PII');
    await page.waitForFunction((id) => (window as unknown as { __loomCy: Core }).__loomCy.$id(id).hasClass('tag-carrier'), field);

    // Highlighted on the map: the tagged column ringed, the column computed from it marked as untagged.
    await page.close();
    page = await e2e.page(`/lineage?node=${encodeURIComponent(dataset)}&view=columns&direction=DOWNSTREAM&tag=PII`);
    await page.getByTestId('tag-highlight-legend').waitFor();
    await page.waitForFunction(() => (window as unknown as { __loomCy: Core }).__loomCy.nodes('.tag-reached').length > 0);
    const marked = await page.evaluate(() => {
      const cy = (window as unknown as { __loomCy: Core }).__loomCy;
      return { carriers: cy.nodes('.tag-carrier').map((n) => n.id()), reached: cy.nodes('.tag-reached').map((n) => n.id()) };
    });
    expect(marked).toEqual({ carriers: [field], reached: [`field:${ns}:analytics.contacts#email_hash`] });
    expect(await page.getByTestId('tag-highlight').inputValue()).toBe('PII');
    await e2e.screenshot(page, '3e-tag-on-map');

    // Taken off again.
    await page.close();
    page = await open(field, field);
    panel = panelOf();
    await panel.getByTestId('details-tag-remove').click();
    await panel.getByText('No tags.').waitFor();
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();

    // The derived dataset deleted (softly) from its details, then restored: the map leaves it out, then draws it again.
    const derived = `dataset:${ns}:analytics.contacts`;
    page = await open(dataset, derived);
    panel = panelOf();
    const onMap = () => page.evaluate((id) => (window as unknown as { __loomCy: { getElementById(id: string): { length: number } } }).__loomCy.getElementById(id).length > 0, derived);
    await expect.poll(onMap).toBe(true);
    page.on('dialog', (d) => void d.accept());
    await panel.getByTestId('details-delete').click();
    await panel.getByTestId('details-ended').waitFor();
    await expect.poll(onMap).toBe(false);
    expect((await e2e.gql<{ search: { id: string }[] }>('query { search(text: "analytics.contacts", kinds: [Dataset]) { id } }', {})).search).toEqual([]);
    await panel.getByTestId('details-restore').click();
    await panel.getByTestId('details-delete').waitFor();
    await expect.poll(onMap).toBe(true);
    expect((await e2e.gql<{ search: { id: string }[] }>('query { search(text: "analytics.contacts", kinds: [Dataset]) { id } }', {})).search).toEqual([{ id: derived }]);
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();

    // Dropped and created again by its writer (OpenLineage's lifecycle facet): the time it was gone,
    // on its details and in lineage as of a time in between.
    const [dropped, created] = [1000, 2000].map((ms) => new Date(Date.now() + ms).toISOString());
    for (const [eventTime, change] of [[dropped, 'DROP'], [created, 'CREATE']]) {
      const event = {
        eventTime, producer: 'https://example.com/e2e', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent',
        dataset: { namespace: ns, name: 'analytics.contacts', facets: { lifecycleStateChange: { ...facet, lifecycleStateChange: change } } },
      };
      const sent = await fetch(`${e2e.loom.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` }, body: JSON.stringify(event) });
      expect(sent.status).toBe(201);
    }
    const reach = async (asOf: string) => (await e2e.gql<{ lineage: { nodes: { node: { id: string } }[] } }>(
      'query ($id: ID!, $asOf: DateTime) { lineage(nodeId: $id, direction: DOWNSTREAM, depth: 2, asOf: $asOf) { nodes { node { id } } } }', { id: dataset, asOf })).lineage.nodes.map((n) => n.node.id);
    expect(await reach(new Date(Date.parse(dropped) + 500).toISOString())).toEqual(['job:e2e:hash_contacts']);
    expect(await reach(new Date(Date.parse(created) + 500).toISOString())).toEqual(['job:e2e:hash_contacts', derived]);
    page = await open(derived, derived);
    await panelOf().getByTestId('details-gone').waitFor();
    // ... and in its lineage over time
    const history = panelOf().getByTestId('details-lineage-change');
    await expect.poll(() => history.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-change')} ${e.querySelector('span')?.textContent}`)))
      .toEqual(['AGAIN created again', 'STOPPED dropped (or deleted)']);
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
    // The map as of a time it was gone says so, with when it was dropped and created again.
    const between = new Date(Date.parse(dropped) + 500).toISOString();
    page = await e2e.page(`/lineage?node=${encodeURIComponent(derived)}&asOf=${encodeURIComponent(between)}`);
    await page.getByTestId('gone-banner').waitFor();
    expect(await page.getByTestId('gone-banner').textContent()).toMatch(/^analytics\.contacts did not exist on .*: dropped on .*, created again on /);
    expect(await page.getByTestId('lone-node').count()).toBe(0);
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });
});
