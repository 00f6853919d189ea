// The React app of the browser test: the caller's notes through @notes-auth/react, live.
import { createRoot } from "react-dom/client";
import { BackworksProvider, useListNotes } from "@notes-auth/react";
import { client, listParams } from "../session.js";

function Notes() {
  const notes = useListNotes(listParams);
  if (notes.status === "error") return <p className="status">error {notes.error.status} {notes.error.message}</p>;
  if (notes.status !== "success") return <p className="status">{notes.status}</p>;
  return (
    <ul className="notes">
      {notes.data.items.map((note) => (
        <li key={note.id}>{note.title}</li>
      ))}
    </ul>
  );
}

createRoot(document.getElementById("app")).render(
  <BackworksProvider client={client}>
    <Notes />
  </BackworksProvider>,
);
