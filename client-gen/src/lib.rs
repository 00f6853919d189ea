//! `backworks-client-gen`: the typed TypeScript packages (`@backworks/client`, `react`, `vue`,
//! `svelte`) generated from the IR. Not written yet; it will read `backworks_ir::Service` only.
