import { Menu } from 'react-admin';
import { WorkMenuLabel } from '../../my-work/WorkMenuLabel';

/** The directives menu items (hidden by canAccess like the others), in the order staff use them. */
export function DirectivesMenuItems() {
  return (
    <>
      <Menu.ResourceItem name="directives" />
      <Menu.ResourceItem name="tasks" primaryText={<WorkMenuLabel resource="tasks" />} />
      <Menu.ResourceItem name="progressReports" primaryText={<WorkMenuLabel resource="progressReports" />} />
      <Menu.ResourceItem name="themes" />
    </>
  );
}
