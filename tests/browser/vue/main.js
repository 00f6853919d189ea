// The Vue app of the browser test: the caller's notes through @notes-auth/vue, live.
import { createApp } from "vue";
import { createBackworks } from "@notes-auth/vue";
import { client } from "../session.js";
import App from "./App.vue";

createApp(App).use(createBackworks(client)).mount("#app");
