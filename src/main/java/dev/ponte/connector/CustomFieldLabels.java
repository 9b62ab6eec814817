package dev.ponte.connector;

import java.util.Set;

/**
 * A CRM that can list the labels of its custom fields, so that a mapping naming a field by its label (R65) is checked
 * when it is saved rather than when a deal arrives.
 */
public interface CustomFieldLabels {

    /** The record a custom field belongs to. */
    enum Scope {
        DEAL, COMPANY, CONTACT
    }

    /** The labels of the active custom fields of records of this scope. */
    Set<String> customFieldLabels(Scope scope);
}
