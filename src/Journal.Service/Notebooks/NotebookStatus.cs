namespace Journal.Notebooks;

public enum NotebookStatus { InProgress, Completed, Abandoned }
