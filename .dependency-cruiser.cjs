// @ts-check
/**
 * Import-graph check for Dealdesk (issue 10), run by `npm run lint:imports`
 * and as part of `npm test`.
 *
 * THE LAYERS (lowest first). A module may import its own layer and the layers
 * below it, never a layer above it:
 *
 *   L0 foundation   src/text/ (fold, tokenize, stem, Lang, char classes),
 *                   src/util/, src/config.ts, src/log.ts
 *   L1 corpus       src/corpus/   loading, cleaning, normalising articles
 *      state        src/state/    the state store: an L1-level sibling of corpus
 *                                 that imports L0 only (corpus and state never
 *                                 import each other; L2 and up may import state)
 *   L2 extract      src/extract/  facts from articles
 *   L3 search       src/search/   MiniSearch index, snapshot, passages
 *   L4 answer       src/answer/   the answer model, renderers, facts shown one way
 *   L5 ingest       src/ingest/   may import L0-L3 and state (not answer, not digest)
 *      digest       src/digest/, src/watch/  what is pushed to channels unasked (digests,
 *                   watch alerts): may import L0-L4 and state (not ingest)
 *   L6 context      src/context.ts  the CommandContext type: may import search
 *                                 (and what lies below it: L0-L3) and state;
 *                                 not answer, ingest or digest
 *   L7 commands     commands/     pure commands: anything in L0-L6, never a front end
 *   L8 front ends   src/app/, src/slack/, src/cli/, src/console.ts, src/main.ts:
 *                   may import everything; only these may import commands/
 *
 * test/ and bench/ are outside the check (they may import anything); the
 * check is run on `src commands` only.
 *
 * A module under src/ that is in none of the layers above is reported too
 * (rules `import-of-module-outside-the-layers`, `module-outside-the-layers-imports`):
 * a new folder has to be placed in a layer here first.
 *
 * TYPE-ONLY IMPORTS (`import type`, `import { type X }`, `export type ... from`)
 * count like any other import: `tsPreCompilationDeps: true` keeps them in the
 * graph even though TypeScript erases them. So a type imported upwards is a
 * layering violation, and a cycle that runs (partly or wholly) through type
 * imports is a cycle and an error. (`--output-type json` lists such an
 * import's dependencyTypes with "type-only".)
 *
 * No orphan rule: the entry points (src/main.ts, src/cli/*.ts,
 * src/slack/manifest.ts) are orphans by design, and the check is not run on
 * test/, whose helpers would look orphaned.
 */

/** Folder or file paths, relative to the repository root, as regular expressions. */
const L0_FOUNDATION = '^src/(text|util)/|^src/(config|log)[.]ts$';
const L1_CORPUS = '^src/corpus/';
const STATE = '^src/state/';
const L2_EXTRACT = '^src/extract/';
const L3_SEARCH = '^src/search/';
const L4_ANSWER = '^src/answer/';
const L5_INGEST = '^src/ingest/';
/** Digests and watches: what is pushed to channels, unasked (they share the collection of what is new). */
const L5_DIGEST = '^src/(digest|watch)/';
const L6_CONTEXT = '^src/context[.]ts$';
const L7_COMMANDS = '^commands/';
const L8_FRONT_ENDS = '^src/(app|slack|cli)/|^src/(console|main)[.]ts$';

/** Every module of the project that the check is about. */
const PROJECT = '^(src|commands)/';

/**
 * Joins path expressions into one alternative.
 * @param {...string} paths
 */
const anyOf = (...paths) => paths.map((p) => `(${p})`).join('|');

/** Every layer up to and including commands: all but the front ends. */
const UP_TO_COMMANDS = anyOf(
  L0_FOUNDATION,
  L1_CORPUS,
  STATE,
  L2_EXTRACT,
  L3_SEARCH,
  L4_ANSWER,
  L5_INGEST,
  L5_DIGEST,
  L6_CONTEXT,
  L7_COMMANDS,
);

/** Every layer together. */
const ALL_LAYERS = anyOf(UP_TO_COMMANDS, L8_FRONT_ENDS);

/**
 * One "lower layer must not import a higher one" rule: a module in `from`
 * may import project modules in `allowed` only (npm packages and node
 * built-ins are not this rule's business).
 * @param {string} name
 * @param {string} comment
 * @param {string} from
 * @param {string} allowed
 * @returns {import('dependency-cruiser').IForbiddenRuleType}
 */
function layer(name, comment, from, allowed) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { path: PROJECT, pathNot: allowed },
  };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'This module is part of a circle of imports (type-only imports included). ' +
        'Break the circle: move the shared piece down into the lower layer.',
      from: {},
      to: { circular: true },
    },

    layer(
      'foundation-imports-only-foundation',
      'L0 (src/text, src/util, src/config.ts, src/log.ts) is the bottom layer: it may import L0 only.',
      L0_FOUNDATION,
      L0_FOUNDATION,
    ),
    layer(
      'corpus-imports-only-foundation',
      'L1 src/corpus may import L0 only: not state, extract, search, answer, ingest, digest, context, commands or front ends.',
      L1_CORPUS,
      anyOf(L0_FOUNDATION, L1_CORPUS),
    ),
    layer(
      'state-imports-only-foundation',
      'src/state (L1-level) may import L0 only: not corpus, extract, search, answer, ingest, digest, context, commands or front ends.',
      STATE,
      anyOf(L0_FOUNDATION, STATE),
    ),
    layer(
      'extract-imports-only-corpus-and-below',
      'L2 src/extract may import L0, L1 (corpus) and state only: not search, answer, ingest, digest, context, commands or front ends.',
      L2_EXTRACT,
      anyOf(L0_FOUNDATION, L1_CORPUS, STATE, L2_EXTRACT),
    ),
    layer(
      'search-imports-only-extract-and-below',
      'L3 src/search may import L0-L2 and state only: not answer, ingest, digest, context, commands or front ends.',
      L3_SEARCH,
      anyOf(L0_FOUNDATION, L1_CORPUS, STATE, L2_EXTRACT, L3_SEARCH),
    ),
    layer(
      'answer-imports-only-search-and-below',
      'L4 src/answer may import L0-L3 and state only: not ingest, digest, context, commands or front ends.',
      L4_ANSWER,
      anyOf(L0_FOUNDATION, L1_CORPUS, STATE, L2_EXTRACT, L3_SEARCH, L4_ANSWER),
    ),
    layer(
      'ingest-imports-only-search-and-below',
      'L5 src/ingest may import L0-L3 and state only: not answer, digest, context, commands or front ends.',
      L5_INGEST,
      anyOf(L0_FOUNDATION, L1_CORPUS, STATE, L2_EXTRACT, L3_SEARCH, L5_INGEST),
    ),
    layer(
      'digest-imports-only-answer-and-below',
      'L5 src/digest may import L0-L4 and state only: not ingest, context, commands or front ends.',
      L5_DIGEST,
      anyOf(L0_FOUNDATION, L1_CORPUS, STATE, L2_EXTRACT, L3_SEARCH, L4_ANSWER, L5_DIGEST),
    ),
    layer(
      'context-imports-only-search-state-and-below',
      'L6 src/context.ts (CommandContext) may import search (and L0-L3 below it) and state only: not answer, ingest, digest, commands or front ends.',
      L6_CONTEXT,
      anyOf(L0_FOUNDATION, L1_CORPUS, STATE, L2_EXTRACT, L3_SEARCH, L6_CONTEXT),
    ),
    layer(
      'commands-never-import-front-ends',
      'L7 commands/ are pure: they may import L0-L6, never a front end (src/app, src/slack, src/cli, src/console.ts, src/main.ts).',
      L7_COMMANDS,
      UP_TO_COMMANDS,
    ),
    // L8 front ends may import everything: no rule.

    {
      name: 'import-of-module-outside-the-layers',
      severity: 'error',
      comment:
        'This import points to a module under src/ that is in none of the layers written down in ' +
        '.dependency-cruiser.cjs. Move it into a layer folder, or add its folder to a layer there.',
      from: {},
      to: { path: PROJECT, pathNot: ALL_LAYERS },
    },
    {
      name: 'module-outside-the-layers-imports',
      severity: 'error',
      comment:
        'This module is in none of the layers written down in .dependency-cruiser.cjs, so its imports ' +
        'cannot be checked. Move it into a layer folder, or add its folder to a layer there.',
      from: { path: PROJECT, pathNot: ALL_LAYERS },
      to: { path: PROJECT },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import points to a file or package that cannot be found.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],

  options: {
    // Outside the check: test/ and bench/ may import anything.
    exclude: { path: '^(test|bench)/' },
    doNotFollow: { path: 'node_modules' },
    // Keep type-only imports in the graph (see the comment at the top).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
