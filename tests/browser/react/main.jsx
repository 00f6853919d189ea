// The React app of the browser test: the caller's notes through @notes-auth/react, live, with a
// search box whose text changes the hook's params.
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { BackworksProvider, useListNotes } from "@notes-auth/react";
import { client, listParams } from "../session.js";

function Notes() {
  const [text, setText] = useState("");
  const notes = useListNotes(listParams(text));
  return (
    <>
      <input className="search" value={text} onChange={(event) => setText(event.target.value)} />
      {notes.status === "success" ? (
        <ul className="notes">
          {notes.data.items.map((note) => (
            <li key={note.id}>{note.title}</li>
          ))}
        </ul>
      ) : notes.status === "error" ? (
        <p className="status">
          error {notes.error.status} {notes.error.message}
        </p>
      ) : (
        <p className="status">{notes.status}</p>
      )}
    </>
  );
}

createRoot(document.getElementById("app")).render(
  <BackworksProvider client={client}>
    <Notes />
  </BackworksProvider>,
);
