import { Menu } from 'react-admin';

/** The directives menu items (hidden by canAccess like the others), in the order staff use them. */
export function DirectivesMenuItems() {
  return (
    <>
      <Menu.ResourceItem name="directives" />
      <Menu.ResourceItem name="tasks" />
      <Menu.ResourceItem name="progressReports" />
      <Menu.ResourceItem name="themes" />
    </>
  );
}
