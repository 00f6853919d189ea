// The Svelte app of the browser test: the caller's notes through @notes-auth/svelte, live.
import { mount } from "svelte";
import App from "./App.svelte";

mount(App, { target: document.getElementById("app") });
